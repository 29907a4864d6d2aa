import { headers } from '@ecny/protocol'
import { RailsError } from '../support/railsError.js'
import type { AppRegistry } from './auth/appRegistry.js'
import type { ClientTokenStore } from './auth/clientTokens.js'
import type { createReplayCache } from './auth/replayCache.js'
import { verifyRequestSignature } from './auth/verifyRequestSignature.js'
import type { Caller } from './routeDefinition.js'

export type AuthenticateParameters = {
  headers: Headers
  method: string
  pathWithQuery: string
  body: Uint8Array
  now: number
  /** The time request signatures are checked against (default `now`): the machine's, on the sandbox. */
  signatureNow?: number
  apps: AppRegistry
  tokens: ClientTokenStore
  replays: ReturnType<typeof createReplayCache>
}

/**
 * Who sent the request: a signed request (`Ecny-Signature`) from a registered app, or a bearer client
 * token (`Authorization: Bearer …`). Neither, or a bad one, is a 401.
 */
export async function authenticateCaller(params: AuthenticateParameters): Promise<Caller> {
  const signature = params.headers.get(headers.signature)
  if (signature) {
    const app = await verifyRequestSignature({ ...params, now: params.signatureNow ?? params.now, signature })
    return { kind: 'app', app }
  }
  const authorization = params.headers.get('authorization')
  const bearer = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] : undefined
  if (bearer) {
    const record = params.tokens.find(bearer)
    if (!record) {
      throw new RailsError(
        'authentication_failed',
        'The client token is not one this gateway issued. Mint a new one from your backend.',
      )
    }
    if (record.expiresAt <= params.now) {
      throw new RailsError(
        'token_expired',
        'The client token has expired. Mint a fresh one from your backend (tokens last at most 15 minutes).',
      )
    }
    return { kind: 'token', appId: record.appId, scope: record.scope, token: record.token }
  }
  throw new RailsError(
    'authentication_failed',
    'The request carries no credentials. Sign it with your app key (Ecny-Signature), or send a client token (Authorization: Bearer …).',
  )
}

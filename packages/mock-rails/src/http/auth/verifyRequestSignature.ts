import { signatureTypes } from '@ecny/protocol'
import { bodyDigest } from '@ecny/sdk-core/internal'
import { compactVerify, decodeProtectedHeader, type ProtectedHeaderParameters } from 'jose'
import { RailsError } from '../../support/railsError.js'
import type { AppRecord, AppRegistry } from './appRegistry.js'
import type { createReplayCache } from './replayCache.js'

/** Largest accepted difference between a request's `iat` and the rails clock, in seconds. */
export const maxRequestSkewSeconds = 300

/** The only algorithms accepted: `none`, HMAC and everything else are refused before any key is used. */
export const acceptedAlgorithms = ['ES256', 'EdDSA'] as const

export type RequestClaims = { iss: string; htm: string; htu: string; iat: number; jti: string; bdh: string }

export type VerifyRequestParameters = {
  signature: string
  method: string
  /** Path and query exactly as requested. */
  pathWithQuery: string
  body: Uint8Array
  now: number
  apps: AppRegistry
  replays: ReturnType<typeof createReplayCache>
}

const fail = (message: string, details: Record<string, unknown> = {}) =>
  new RailsError('authentication_failed', message, details)

/**
 * Checks an `Ecny-Signature` request signature: compact JWS of type `ecny-request+jws` from a
 * registered key (`unknown_key`), on the algorithm allow-list, valid over its claims, bound to this
 * method, path+query and body digest, issued within ±300 s of the rails clock (`request_expired`),
 * with a nonce not seen before (`request_replayed`). Every failure is a 401.
 */
export async function verifyRequestSignature(params: VerifyRequestParameters): Promise<AppRecord> {
  let header: ProtectedHeaderParameters
  try {
    header = decodeProtectedHeader(params.signature)
  } catch {
    throw fail('The Ecny-Signature header is not a compact JWS. Sign the request with your app key.')
  }
  if (!(acceptedAlgorithms as readonly string[]).includes(String(header.alg))) {
    throw fail(`Signature algorithm "${String(header.alg)}" is not accepted; sign with ES256 or EdDSA.`, {
      alg: header.alg ?? null,
    })
  }
  if (header.typ !== signatureTypes.request) {
    throw fail(`Signature type is "${String(header.typ)}"; request signatures use typ "ecny-request+jws".`)
  }
  const entry = typeof header.kid === 'string' ? params.apps.keyFor(header.kid) : undefined
  if (!entry) {
    throw new RailsError(
      'unknown_key',
      `No app key is registered under kid "${String(header.kid)}". Register the app's public key, or sign with the kid you registered.`,
      { kid: header.kid ?? null },
    )
  }
  if (header.alg !== entry.alg)
    throw fail(`Key "${header.kid}" is an ${entry.alg} key; the signature says ${header.alg}.`)
  let claims: RequestClaims
  try {
    const { payload } = await compactVerify(params.signature, await entry.key, { algorithms: [entry.alg] })
    claims = JSON.parse(new TextDecoder().decode(payload)) as RequestClaims
  } catch {
    throw fail(
      'The request signature does not verify with the registered key. Check the key and that nothing altered the signature.',
    )
  }
  if (claims.iss !== entry.app.appId) throw fail('The signature’s iss is not the app that owns the key.')
  if (claims.htm !== params.method) throw fail(`The signature is for ${claims.htm}, not ${params.method}.`)
  if (claims.htu !== params.pathWithQuery) {
    throw fail('The signature is for another path or query (htu). Sign the path and query exactly as sent.')
  }
  const nowSeconds = Math.floor(params.now / 1000)
  if (typeof claims.iat !== 'number' || Math.abs(nowSeconds - claims.iat) > maxRequestSkewSeconds) {
    throw new RailsError(
      'request_expired',
      `The signature was issued ${typeof claims.iat === 'number' ? Math.abs(nowSeconds - claims.iat) : '?'} s from the gateway's clock; at most ${maxRequestSkewSeconds} s is accepted. Sign each attempt afresh and check your clock.`,
      { iat: claims.iat ?? null, gatewayTime: nowSeconds },
    )
  }
  if (claims.bdh !== (await bodyDigest(params.body))) {
    throw fail('The body does not match its signature (bdh). Sign the exact bytes you send.')
  }
  if (
    typeof claims.jti !== 'string' ||
    !params.replays.remember(entry.app.appId, claims.jti, claims.iat * 1000, params.now)
  ) {
    throw new RailsError(
      'request_replayed',
      'This signature was already used (its jti was seen). Sign every attempt, including retries, with a fresh jti.',
    )
  }
  return entry.app
}

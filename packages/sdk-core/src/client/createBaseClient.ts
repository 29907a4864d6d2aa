import type { JSONWebKeySet } from 'jose'
import type * as z from 'zod/mini'
import { errorFrom } from '../errors/errorFrom.js'
import { localiseMethods } from '../errors/errorLocaliser.js'
import {
  badBaseUrl,
  bothAuthConfigured,
  credentialsInBrowser,
  emptyAppId,
  noAuthConfigured,
} from '../errors/messagesEn.js'
import { createLogger } from '../log/logger.js'
import { createGatewayKeySet } from '../transport/createGatewayKeySet.js'
import { axiosHttp } from '../transport/http/axiosHttp.js'
import { defaultHttp } from '../transport/http/defaultHttp.js'
import { fetchHttp } from '../transport/http/fetchHttp.js'
import { defaultMaxResponseBytes, maxJwksBytes } from '../transport/http/responseTooLarge.js'
import { type Auth, type RequestParameters, request, type TransportContext } from '../transport/request.js'
import { createHookRunner } from '../transport/requestHooks.js'
import {
  type RequestStreamParameters,
  requestStream,
  type StreamedResponse,
} from '../transport/requestStream.js'
import {
  type GatewayClaims,
  type VerifyGatewaySignatureParameters,
  verifyGatewaySignature,
} from '../transport/verifyGatewaySignature.js'
import { type ClientConfig, environments } from './config.js'
import { serverAuth } from './serverAuth.js'

/** What every action receives: the resolved configuration and a signed, verified `request`. */
export type EcnyBaseClient = {
  readonly baseUrl: string
  /** `signature` for server credentials, `token` for client tokens. */
  readonly authKind: Auth['kind']
  request<T extends z.ZodMiniType>(parameters: RequestParameters<T>): Promise<z.output<T>>
  /** A signed GET whose large body arrives as a stream; verify it before parsing (Node only). */
  requestStream(parameters: RequestStreamParameters): Promise<StreamedResponse>
  /** Verifies a gateway signature (e.g. a notification's) with this client's gateway keys. */
  verifyGatewaySignature(parameters: Omit<VerifyGatewaySignatureParameters, 'keys'>): Promise<GatewayClaims>
}

function isBrowser(): boolean {
  return typeof window !== 'undefined' && typeof document !== 'undefined'
}

function resolveAuth(config: ClientConfig): Auth {
  const { credentials, clientToken } = config
  if (credentials && clientToken) throw errorFrom(bothAuthConfigured, {})
  if (credentials) {
    if (isBrowser() && !config.dangerouslyAllowBrowser) throw errorFrom(credentialsInBrowser, {})
    if (!credentials.appId) throw errorFrom(emptyAppId, {})
    return serverAuth(credentials)
  }
  if (clientToken) {
    return {
      kind: 'token',
      token: async () => (typeof clientToken === 'string' ? clientToken : await clientToken()),
    }
  }
  throw errorFrom(noAuthConfigured, {})
}

/** The placeholder auth of an operator client: its codec signs every attempt, so this is never used. */
function operatorAuth(name: string): Auth {
  return {
    kind: 'signature',
    appId: name,
    sign: () => Promise.reject(new Error(`the ${name} operator signs its own requests`)),
  }
}

/**
 * Builds the transport every action runs on. Most code calls `createClient` (wallet side) or
 * `createMerchantClient`; use this to call actions one by one for the smallest bundle.
 *
 * @example
 * const base = createBaseClient({ baseUrl: sandbox.url, credentials: sandbox.credentials })
 * const wallet = await getWallet(base, { walletId })
 */
export function createBaseClient(config: ClientConfig): EcnyBaseClient {
  return localiseMethods(buildBaseClient(config), config)
}

function buildBaseClient(config: ClientConfig): EcnyBaseClient {
  const { operator } = config
  const baseUrl = (
    operator?.origin ??
    config.baseUrl ??
    environments[config.environment ?? 'sandbox']
  ).replace(/\/+$/, '')
  if (!/^https?:\/\//.test(baseUrl)) throw errorFrom(badBaseUrl, { baseUrl })
  // An operator signs with its own keys inside its codec: no reference credentials are needed.
  const auth: Auth = operator ? operatorAuth(operator.name) : resolveAuth(config)
  const http = config.axios ? axiosHttp(config.axios) : config.fetch ? fetchHttp(config.fetch) : defaultHttp()
  const gatewayKeys: JSONWebKeySet | string = config.gatewayKeys ?? `${baseUrl}/.well-known/jwks.json`
  const keys = createGatewayKeySet({
    keys: gatewayKeys,
    fetchJwks: async (url) => {
      const signal = AbortSignal.timeout(config.timeoutMs ?? 30_000)
      const response = await http.send({
        method: 'GET',
        url,
        headers: { accept: 'application/json' },
        signal,
        maxResponseBytes: maxJwksBytes,
      })
      if (response.status !== 200) throw new Error(`JWKS answered HTTP ${response.status}`)
      return JSON.parse(new TextDecoder().decode(response.body)) as JSONWebKeySet
    },
  })
  const logger = createLogger({
    level: config.logLevel ?? (config.logger ? 'debug' : 'warn'),
    sink: config.logger,
  })
  const context: TransportContext = {
    baseUrl,
    auth,
    keys,
    http,
    logger,
    hooks: config.hooks ? createHookRunner(config.hooks, logger) : undefined,
    timeoutMs: config.timeoutMs ?? 30_000,
    maxRetries: config.maxRetries ?? 2,
    maxResponseBytes: config.maxResponseBytes ?? defaultMaxResponseBytes,
    signatureToleranceSeconds: config.signatureToleranceSeconds ?? 300,
    now: config.now ?? Date.now,
    ...(operator && { codec: operator.codec }),
  }
  return {
    baseUrl,
    authKind: auth.kind,
    request: (parameters) => request(context, parameters),
    requestStream: (parameters) => requestStream(context, parameters),
    verifyGatewaySignature: (parameters) => verifyGatewaySignature({ ...parameters, keys }),
  }
}

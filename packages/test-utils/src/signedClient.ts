/**
 * A small signed client for tests, built directly on jose: signs requests the way the protocol says
 * (`ecny-request+jws` over {iss, htm, htu, iat, jti, bdh}) and verifies the gateway's response
 * signature over the raw bytes. `send` lets a test talk to `rails.handle` directly or to a real
 * server through `fetch`.
 */
import { base64url, CompactSign, compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose'

export type Send = (request: Request) => Promise<Response>

export type SignedClientOptions = {
  baseUrl?: string
  appId: string
  privateKey: JWK
  send?: Send
  /** Epoch ms used for `iat`; default Date.now. */
  now?: () => number
}

export type CallOptions = {
  idempotencyKey?: string
  bearer?: string
  /** Skip the signature (e.g. for client-token calls). */
  unsigned?: boolean
  /** Override claims or header of the signature (negative tests). */
  claims?: Record<string, unknown>
  header?: Record<string, unknown>
  /** Send these bytes instead of JSON.stringify(body). */
  rawBody?: Uint8Array | string
  /** Extra request headers (e.g. `ecny-nonce`). */
  headers?: Record<string, string>
}

export type CallResult = {
  status: number
  headers: Headers
  text: string
  json: unknown
  bytes: Uint8Array
}

const encoder = new TextEncoder()

/** base64url(SHA-256(bytes)), as the protocol's `bdh` claim carries it. */
export async function sha256(bytes: Uint8Array): Promise<string> {
  return base64url.encode(
    new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)),
  )
}

/**
 * The `ecny-signature` header for one request; `overrides` bend its claims or header for negative tests.
 *
 * @example
 * const signature = await signRequestHeader(app, 'GET', '/v1/wallets/w_1', new Uint8Array())
 */
export async function signRequestHeader(
  options: { appId: string; privateKey: JWK; now?: () => number },
  method: string,
  pathWithQuery: string,
  body: Uint8Array,
  overrides: { claims?: Record<string, unknown>; header?: Record<string, unknown> } = {},
): Promise<string> {
  const alg = (options.privateKey.alg as string | undefined) ?? 'ES256'
  const key = await importJWK(options.privateKey, alg)
  const claims = {
    iss: options.appId,
    htm: method,
    htu: pathWithQuery,
    iat: Math.floor((options.now ?? Date.now)() / 1000),
    jti: crypto.randomUUID(),
    bdh: await sha256(body),
    ...overrides.claims,
  }
  return new CompactSign(encoder.encode(JSON.stringify(claims)))
    .setProtectedHeader({
      alg,
      kid: options.privateKey.kid,
      typ: 'ecny-request+jws',
      ...overrides.header,
    } as never)
    .sign(key)
}

/**
 * A signed protocol client independent of the SDKs (jose only), for testing the rails' HTTP door itself.
 *
 * @example
 * const client = createSignedClient({ ...app, send: (request) => rails.handle(request), now: () => rails.clock.now() })
 * const { status, json } = await client.call('GET', `/v1/wallets/${walletId}`)
 */
export function createSignedClient(options: SignedClientOptions) {
  const baseUrl = options.baseUrl ?? 'http://rails.test'
  const send: Send = options.send ?? ((request) => fetch(request))
  return {
    async call(
      method: string,
      pathWithQuery: string,
      body?: unknown,
      call: CallOptions = {},
    ): Promise<CallResult> {
      const bytes =
        call.rawBody !== undefined
          ? typeof call.rawBody === 'string'
            ? encoder.encode(call.rawBody)
            : call.rawBody
          : body === undefined
            ? new Uint8Array()
            : encoder.encode(JSON.stringify(body))
      const headers = new Headers({ 'content-type': 'application/json', ...call.headers })
      if (call.idempotencyKey) headers.set('idempotency-key', call.idempotencyKey)
      if (call.bearer) headers.set('authorization', `Bearer ${call.bearer}`)
      if (!call.unsigned && !call.bearer) {
        headers.set('ecny-signature', await signRequestHeader(options, method, pathWithQuery, bytes, call))
      }
      const response = await send(
        new Request(`${baseUrl}${pathWithQuery}`, {
          method,
          headers,
          ...(method === 'GET' ? {} : { body: bytes as Uint8Array<ArrayBuffer> }),
        }),
      )
      const raw = new Uint8Array(await response.arrayBuffer())
      const text = new TextDecoder().decode(raw)
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        json = undefined
      }
      return { status: response.status, headers: response.headers, text, json, bytes: raw }
    },
  }
}

/** Verifies a gateway signature over raw bytes against a JWKS; returns the claims. */
export async function verifyGatewayResponse(
  jwks: { keys: JWK[] },
  signature: string | null,
  bytes: Uint8Array,
  typ = 'ecny-response+jws',
): Promise<{
  iss: string
  iat: number
  jti: string
  bdh: string
  rid: string
  htm?: string
  htu?: string
  nonce?: string
}> {
  if (!signature) throw new Error('no signature')
  const header = decodeProtectedHeader(signature)
  if (header.typ !== typ) throw new Error(`typ ${header.typ}`)
  const jwk = jwks.keys.find((key) => key.kid === header.kid)
  if (!jwk) throw new Error(`unknown kid ${header.kid}`)
  const { payload } = await compactVerify(signature, await importJWK(jwk, 'ES256'), { algorithms: ['ES256'] })
  const claims = JSON.parse(new TextDecoder().decode(payload))
  if (claims.bdh !== (await sha256(bytes))) throw new Error('bdh mismatch')
  return claims
}

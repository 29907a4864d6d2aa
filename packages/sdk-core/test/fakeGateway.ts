/**
 * A minimal signed gateway for transport tests: msw handlers whose responses are signed with a
 * gateway key made at run time (jose, independently of the SDK's own signing code).
 */
import { createHash, generateKeyPairSync } from 'node:crypto'
import { CompactSign, exportJWK, importJWK, type JWK } from 'jose'
import { type HttpHandler, HttpResponse, http } from 'msw'

export const baseUrl = 'https://gateway.test'

export async function makeKeyPair(kid: string, kind: 'ec' | 'ed25519' = 'ec') {
  const { privateKey, publicKey } =
    kind === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519')
  const publicJwk = {
    ...(await exportJWK(publicKey)),
    kid,
    alg: kind === 'ec' ? 'ES256' : 'EdDSA',
    use: 'sig',
  }
  const privateJwk = { ...(await exportJWK(privateKey)), kid }
  return { privateKey, publicKey, publicJwk, privateJwk }
}

export type GatewayKey = Awaited<ReturnType<typeof makeKeyPair>>

const digest = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('base64url')

/** What a gateway response is bound to: the request's method, path+query and `Ecny-Nonce`. */
export function bindingOf(request: Request) {
  const url = new URL(request.url)
  return {
    htm: request.method.toUpperCase(),
    htu: url.pathname + url.search,
    nonce: request.headers.get('ecny-nonce') ?? undefined,
  }
}

export async function signGatewayBody(
  key: GatewayKey,
  body: string,
  requestId: string,
  overrides: { header?: Record<string, unknown>; claims?: Record<string, unknown>; request?: Request } = {},
): Promise<string> {
  const claims = {
    iss: 'ecny-gateway',
    iat: Math.floor(Date.now() / 1000),
    jti: crypto.randomUUID(),
    bdh: digest(body),
    rid: requestId,
    ...(overrides.request ? bindingOf(overrides.request) : {}),
    ...overrides.claims,
  }
  const alg = key.publicJwk.alg
  const signingKey = await importJWK(key.privateJwk as JWK, alg)
  return new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg, kid: key.publicJwk.kid, typ: 'ecny-response+jws', ...overrides.header })
    .sign(signingKey)
}

let counter = 0

/** A signed JSON response to `request`, as the gateway sends it. */
export async function signedJson(
  request: Request,
  key: GatewayKey,
  status: number,
  json: unknown,
  options: { headers?: Record<string, string>; tamper?: (body: string) => string; signature?: string } = {},
) {
  const body = JSON.stringify(json)
  const requestId = `req_test_${++counter}`
  const signature =
    options.signature ?? (await signGatewayBody(key, body, requestId, { request, claims: { sts: status } }))
  return new HttpResponse(options.tamper ? options.tamper(body) : body, {
    status,
    headers: {
      'content-type': 'application/json',
      'ecny-request-id': requestId,
      'ecny-signature': signature,
      ...options.headers,
    },
  })
}

export function errorJson(code: string, message: string, retryable = false) {
  return { error: { code, message, requestId: 'req_err', retryable, details: {} } }
}

export function jwksHandler(keys: () => GatewayKey[], onFetch?: () => void): HttpHandler {
  return http.get(`${baseUrl}/.well-known/jwks.json`, () => {
    onFetch?.()
    return HttpResponse.json({ keys: keys().map((key) => key.publicJwk) })
  })
}

import { createHash, createPublicKey, verify as nodeVerify } from 'node:crypto'
import { base64url } from 'jose'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import {
  baseUrl,
  errorJson,
  type GatewayKey,
  jwksHandler,
  makeKeyPair,
  signedJson,
  signGatewayBody,
} from '../../test/fakeGateway.js'
import { createBaseClient } from '../client/createBaseClient.js'
import {
  AuthenticationError,
  ConflictError,
  EcnyError,
  GatewayError,
  InvalidRequestError,
  NotFoundError,
  PermissionError,
  RateLimitError,
} from '../errors/EcnyError.js'
import { createLogger } from '../log/logger.js'

const server = setupServer()
let gatewayKey: GatewayKey
let appKey: GatewayKey
const echo = z.looseObject({ ok: z.boolean() })

beforeAll(async () => {
  gatewayKey = await makeKeyPair('gw-1')
  appKey = await makeKeyPair('app-key-1')
  server.listen({ onUnhandledRequest: 'error' })
})
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

function client(overrides: Parameters<typeof createBaseClient>[0] = {}) {
  return createBaseClient({
    baseUrl,
    credentials: { appId: 'app_test', privateKey: appKey.privateJwk },
    gatewayKeys: { keys: [gatewayKey.publicJwk] },
    ...overrides,
  })
}

describe('request signing', () => {
  it('signs method, path+query, time, nonce and body digest; node:crypto verifies it', async () => {
    let seen: { signature: string; body: string; url: string } | undefined
    server.use(
      http.post(`${baseUrl}/v1/orders`, async ({ request }) => {
        seen = {
          signature: request.headers.get('ecny-signature')!,
          body: await request.text(),
          url: request.url,
        }
        return signedJson(request, gatewayKey, 200, { ok: true })
      }),
    )
    const body = { amount: 1234, description: '咖啡 coffee' }
    await client().request({ method: 'POST', path: '/v1/orders', query: { a: 1 }, body, schema: echo })
    const [header, payload, signature] = seen!.signature.split('.') as [string, string, string]
    const publicKey = createPublicKey({ key: appKey.publicJwk, format: 'jwk' })
    const valid = nodeVerify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      { key: publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature, 'base64url'),
    )
    expect(valid).toBe(true)
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
      alg: 'ES256',
      kid: 'app-key-1',
      typ: 'ecny-request+jws',
    })
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    expect(claims).toMatchObject({
      iss: 'app_test',
      htm: 'POST',
      htu: '/v1/orders?a=1',
      bdh: createHash('sha256').update(seen!.body).digest('base64url'),
    })
    expect(JSON.parse(seen!.body)).toEqual(body)
    expect(Math.abs(claims.iat - Date.now() / 1000)).toBeLessThan(5)
    expect(claims.jti).toMatch(/^[\w-]{16,}$/)
  })

  it('signs with an Ed25519 KeyObject too', async () => {
    const edKey = await makeKeyPair('ed-1', 'ed25519')
    let signature = ''
    server.use(
      http.get(`${baseUrl}/v1/ping`, ({ request }) => {
        signature = request.headers.get('ecny-signature')!
        return signedJson(request, gatewayKey, 200, { ok: true })
      }),
    )
    await client({ credentials: { appId: 'app_ed', privateKey: edKey.privateKey, kid: 'ed-1' } }).request({
      method: 'GET',
      path: '/v1/ping',
      schema: echo,
    })
    const [header, payload, sig] = signature.split('.') as [string, string, string]
    expect(JSON.parse(Buffer.from(header, 'base64url').toString()).alg).toBe('EdDSA')
    expect(
      nodeVerify(null, Buffer.from(`${header}.${payload}`), edKey.publicKey, Buffer.from(sig, 'base64url')),
    ).toBe(true)
  })

  it('sends a bearer client token instead of a signature', async () => {
    let auth: string | null = null
    server.use(
      http.get(`${baseUrl}/v1/ping`, ({ request }) => {
        auth = request.headers.get('authorization')
        expect(request.headers.get('ecny-signature')).toBeNull()
        return signedJson(request, gatewayKey, 200, { ok: true })
      }),
    )
    await createBaseClient({
      baseUrl,
      clientToken: async () => 'ct_abc',
      gatewayKeys: { keys: [gatewayKey.publicJwk] },
    }).request({ method: 'GET', path: '/v1/ping', schema: echo })
    expect(auth).toBe('Bearer ct_abc')
  })
})

describe('retries and idempotency', () => {
  it('reuses one idempotency key across retries, with a fresh signature each attempt', async () => {
    const keys: string[] = []
    const jtis: string[] = []
    server.use(
      http.post(`${baseUrl}/v1/transfers`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key')!)
        jtis.push(
          JSON.parse(
            new TextDecoder().decode(base64url.decode(request.headers.get('ecny-signature')!.split('.')[1]!)),
          ).jti,
        )
        if (keys.length < 3)
          return signedJson(request, gatewayKey, 503, errorJson('service_unavailable', 'busy', true), {
            headers: { 'retry-after': '0' },
          })
        return signedJson(request, gatewayKey, 200, { ok: true })
      }),
    )
    await client().request({ method: 'POST', path: '/v1/transfers', body: { amount: 1 }, schema: echo })
    expect(keys).toHaveLength(3)
    expect(new Set(keys).size).toBe(1)
    expect(keys[0]).toMatch(/^idk_/)
    expect(new Set(jtis).size).toBe(3)
  })

  it("keeps the caller's own idempotency key", async () => {
    let key: string | null = null
    server.use(
      http.post(`${baseUrl}/v1/transfers`, ({ request }) => {
        key = request.headers.get('idempotency-key')
        return signedJson(request, gatewayKey, 200, { ok: true })
      }),
    )
    await client().request({
      method: 'POST',
      path: '/v1/transfers',
      body: {},
      schema: echo,
      idempotencyKey: 'mine-1',
    })
    expect(key).toBe('mine-1')
  })

  it('never retries an unkeyed POST', async () => {
    let calls = 0
    server.use(
      http.post(`${baseUrl}/v1/x`, ({ request }) => {
        calls++
        return signedJson(request, gatewayKey, 500, errorJson('gateway_error', 'boom', true))
      }),
    )
    const error = await client()
      .request({ method: 'POST', path: '/v1/x', body: {}, schema: echo, idempotencyKey: null })
      .catch((e) => e)
    expect(calls).toBe(1)
    expect(error).toBeInstanceOf(GatewayError)
    expect(error.code).toBe('gateway_error')
  })

  it('honours Retry-After', async () => {
    const times: number[] = []
    server.use(
      http.get(`${baseUrl}/v1/slow`, ({ request }) => {
        times.push(Date.now())
        if (times.length === 1)
          return signedJson(request, gatewayKey, 429, errorJson('rate_limited', 'slow down', true), {
            headers: { 'retry-after': '1' },
          })
        return signedJson(request, gatewayKey, 200, { ok: true })
      }),
    )
    await client().request({ method: 'GET', path: '/v1/slow', schema: echo })
    expect(times).toHaveLength(2)
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950)
  })

  it('gives up after maxRetries with the last error', async () => {
    let calls = 0
    server.use(
      http.get(`${baseUrl}/v1/busy`, ({ request }) => {
        calls++
        return signedJson(request, gatewayKey, 429, errorJson('rate_limited', 'slow down', true), {
          headers: { 'retry-after': '0' },
        })
      }),
    )
    const error = await client({ maxRetries: 1 })
      .request({ method: 'GET', path: '/v1/busy', schema: echo })
      .catch((e) => e)
    expect(calls).toBe(2)
    expect(error).toBeInstanceOf(RateLimitError)
    expect(error.retryable).toBe(true)
  })

  it('turns a keyed create whose connection kept dropping into result_unknown with the lookup', async () => {
    let calls = 0
    server.use(
      http.post(`${baseUrl}/v1/orders`, () => {
        calls++
        return HttpResponse.error()
      }),
    )
    const error = await client({ maxRetries: 1 })
      .request({
        method: 'POST',
        path: '/v1/orders',
        body: { merchantOrderNo: 'M-1' },
        schema: echo,
        outcomeLookup: { merchantOrderNo: 'M-1' },
      })
      .catch((e) => e)
    expect(calls).toBe(2)
    expect(error).toBeInstanceOf(EcnyError)
    expect(error.code).toBe('result_unknown')
    expect(error.details).toMatchObject({ merchantOrderNo: 'M-1', method: 'POST', path: '/v1/orders' })
    expect(error.details.idempotencyKey).toMatch(/^idk_/)
    expect(error.message).toContain('merchantOrderNo')
  })
})

describe('timeouts and cancellation', () => {
  it('throws timeout when the gateway is too slow', async () => {
    server.use(
      http.get(`${baseUrl}/v1/slow`, async ({ request }) => {
        await new Promise((resolve) => setTimeout(resolve, 400))
        return signedJson(request, gatewayKey, 200, { ok: true })
      }),
    )
    const error = await client({ timeoutMs: 50, maxRetries: 0 })
      .request({ method: 'GET', path: '/v1/slow', schema: echo })
      .catch((e) => e)
    expect(error.code).toBe('timeout')
  })

  it("throws aborted when the caller's signal fires, and does not retry", async () => {
    let calls = 0
    server.use(
      http.get(`${baseUrl}/v1/slow`, async ({ request }) => {
        calls++
        await new Promise((resolve) => setTimeout(resolve, 400))
        return signedJson(request, gatewayKey, 200, { ok: true })
      }),
    )
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 30)
    const error = await client()
      .request({ method: 'GET', path: '/v1/slow', schema: echo, signal: controller.signal })
      .catch((e) => e)
    expect(error.code).toBe('aborted')
    expect(calls).toBe(1)
  })
})

describe('response verification', () => {
  const answer = (make: (info: { request: Request }) => Promise<Response>) =>
    server.use(http.get(`${baseUrl}/v1/thing`, make))
  const call = () =>
    client()
      .request({ method: 'GET', path: '/v1/thing', schema: echo })
      .catch((e) => e)

  it('rejects a tampered body', async () => {
    answer(({ request }) =>
      signedJson(
        request,
        gatewayKey,
        200,
        { ok: false },
        { tamper: (body) => body.replace('false', 'true') },
      ),
    )
    const error = await call()
    expect(error.code).toBe('signature_invalid')
    expect(error.message).toContain('digest')
  })

  it('rejects a signature by an unknown kid', async () => {
    const stranger = await makeKeyPair('stranger')
    answer(({ request }) => signedJson(request, stranger, 200, { ok: true }))
    expect((await call()).code).toBe('signature_invalid')
  })

  it('rejects alg none', async () => {
    const claims = base64url.encode(
      JSON.stringify({ iss: 'ecny-gateway', iat: Math.floor(Date.now() / 1000) }),
    )
    const header = base64url.encode(JSON.stringify({ alg: 'none', kid: 'gw-1', typ: 'ecny-response+jws' }))
    answer(({ request }) =>
      signedJson(request, gatewayKey, 200, { ok: true }, { signature: `${header}.${claims}.` }),
    )
    const error = await call()
    expect(error.code).toBe('signature_invalid')
    expect(error.message).toContain('none')
  })

  it('rejects HS256 signed with the public key as the secret', async () => {
    const { createHmac } = await import('node:crypto')
    const body = JSON.stringify({ ok: true })
    const header = base64url.encode(JSON.stringify({ alg: 'HS256', kid: 'gw-1', typ: 'ecny-response+jws' }))
    const claims = base64url.encode(
      JSON.stringify({
        iss: 'ecny-gateway',
        iat: Math.floor(Date.now() / 1000),
        bdh: createHash('sha256').update(body).digest('base64url'),
      }),
    )
    const secret = JSON.stringify(gatewayKey.publicJwk)
    const mac = createHmac('sha256', secret).update(`${header}.${claims}`).digest('base64url')
    answer(({ request }) =>
      signedJson(request, gatewayKey, 200, { ok: true }, { signature: `${header}.${claims}.${mac}` }),
    )
    expect((await call()).code).toBe('signature_invalid')
  })

  it('rejects a missing signature and a stale one', async () => {
    answer(async () => HttpResponse.json({ ok: true }))
    expect((await call()).code).toBe('signature_invalid')
    answer(async ({ request }) => {
      const body = JSON.stringify({ ok: true })
      const signature = await signGatewayBody(gatewayKey, body, 'req_1', { request, claims: { iat: 1_000 } })
      return new HttpResponse(body, { headers: { 'ecny-request-id': 'req_1', 'ecny-signature': signature } })
    })
    expect((await call()).code).toBe('signature_invalid')
  })

  it('fetches the JWKS once, and again on an unknown kid after rotation', async () => {
    const rotated = await makeKeyPair('gw-2')
    let published = [gatewayKey]
    let fetches = 0
    let signer = gatewayKey
    server.use(
      jwksHandler(
        () => published,
        () => fetches++,
      ),
      http.get(`${baseUrl}/v1/thing`, ({ request }) => signedJson(request, signer, 200, { ok: true })),
    )
    const remote = client({ gatewayKeys: undefined })
    await remote.request({ method: 'GET', path: '/v1/thing', schema: echo })
    await remote.request({ method: 'GET', path: '/v1/thing', schema: echo })
    expect(fetches).toBe(1)
    published = [gatewayKey, rotated]
    signer = rotated
    await remote.request({ method: 'GET', path: '/v1/thing', schema: echo })
    expect(fetches).toBe(2)
  })
})

describe('errors', () => {
  it.each([
    [400, 'invalid_request', InvalidRequestError],
    [401, 'authentication_failed', AuthenticationError],
    [403, 'permission_denied', PermissionError],
    [404, 'not_found', NotFoundError],
    [409, 'idempotency_conflict', ConflictError],
    [422, 'insufficient_funds', EcnyError],
    [418, 'teapot_unknown', EcnyError],
  ])('maps HTTP %i %s to its class with the request id', async (status, code, ErrorClass) => {
    server.use(
      http.get(`${baseUrl}/v1/thing`, ({ request }) =>
        signedJson(request, gatewayKey, status, errorJson(code, `it was ${code}`)),
      ),
    )
    const error = await client()
      .request({ method: 'GET', path: '/v1/thing', schema: echo })
      .catch((e) => e)
    expect(error).toBeInstanceOf(ErrorClass)
    expect(error.code).toBe(code)
    expect(error.status).toBe(status)
    expect(error.requestId).toBe('req_err')
    expect(error.message).toContain(`it was ${code}`)
    expect(error.docsUrl).toBe(`https://ecny-sdk.dev/docs/errors#${code}`)
  })

  it('refuses server credentials in a browser-like global', async () => {
    const globals = globalThis as { window?: unknown; document?: unknown }
    globals.window = {}
    globals.document = {}
    try {
      expect(() => client()).toThrowError(expect.objectContaining({ code: 'insecure_environment' }))
    } finally {
      delete globals.window
      delete globals.document
    }
  })

  it('never logs key material or tokens', async () => {
    const lines: string[] = []
    server.use(
      http.post(`${baseUrl}/v1/x`, ({ request }) =>
        signedJson(request, gatewayKey, 503, errorJson('service_unavailable', 'busy', true), {
          headers: { 'retry-after': '0' },
        }),
      ),
    )
    const logger = createLogger({
      level: 'debug',
      sink: {
        debug: (message, fields) => lines.push(`debug ${message} ${JSON.stringify(fields)}`),
        info: (message, fields) => lines.push(`info ${message} ${JSON.stringify(fields)}`),
        warn: (message, fields) => lines.push(`warn ${message} ${JSON.stringify(fields)}`),
        error: (message, fields) => lines.push(`error ${message} ${JSON.stringify(fields)}`),
      },
    })
    const error = await client({ logger, maxRetries: 1 })
      .request({ method: 'POST', path: '/v1/x', body: { mobile: '13812345678' }, schema: echo })
      .catch((e) => e)
    const everything = `${lines.join('\n')}\n${error.message}\n${JSON.stringify(error)}`
    expect(lines.length).toBeGreaterThan(0)
    expect(everything).not.toContain(appKey.privateJwk.d as string)
    expect(everything).not.toContain('13812345678')
  })
})

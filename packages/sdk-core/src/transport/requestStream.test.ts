import { rejectionOf } from '@ecny/test-utils'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { baseUrl, type GatewayKey, makeKeyPair, signGatewayBody } from '../../test/fakeGateway.js'
import { createBaseClient } from '../client/createBaseClient.js'
import { bodyDigest } from './bytes.js'
import { responseMetaOf } from './responseMeta.js'

const server = setupServer()
let gatewayKey: GatewayKey
let appKey: GatewayKey

beforeAll(async () => {
  gatewayKey = await makeKeyPair('gw-1')
  appKey = await makeKeyPair('app-key-1')
  server.listen({ onUnhandledRequest: 'error' })
})
afterEach(() => {
  server.resetHandlers()
  now = Date.now()
})
afterAll(() => server.close())

let now = Date.now()
const client = (options: { maxRetries?: number } = {}) =>
  createBaseClient({
    baseUrl,
    credentials: { appId: 'app_test', privateKey: appKey.privateJwk },
    gatewayKeys: { keys: [gatewayKey.publicJwk] },
    maxRetries: options.maxRetries ?? 0,
    now: () => now,
  })

/** A signed answer of `status` with a raw (not necessarily JSON) body. */
function signedAnswer(status: number, body: string, request: Request, requestId = 'req_1') {
  return signGatewayBody(gatewayKey, body, requestId, { request, claims: { sts: status } }).then(
    (signature) =>
      new HttpResponse(body, {
        status,
        headers: { 'content-type': 'text/csv', 'ecny-request-id': requestId, 'ecny-signature': signature },
      }),
  )
}

describe('requestStream: the same pipeline as request', () => {
  it.each([
    [404, 'not_found'],
    [401, 'authentication_failed'],
    [403, 'permission_denied'],
    [413, 'payload_too_large'],
  ])('maps a signed, bodiless %i to its natural code, as request does', async (status, code) => {
    server.use(http.get(`${baseUrl}/v1/statements/:date`, ({ request }) => signedAnswer(status, '', request)))
    const error = await rejectionOf(client().requestStream({ path: '/v1/statements/2026-01-01' }))
    expect(error).toMatchObject({ code, status })
    expect(error.code).not.toBe('gateway_error')
  })

  it('retries a 503 before the body starts, with a fresh signature each attempt, then streams', async () => {
    const nonces: string[] = []
    server.use(
      http.get(`${baseUrl}/v1/statements/:date`, ({ request }) => {
        nonces.push(request.headers.get('ecny-nonce')!)
        return nonces.length === 1
          ? signedAnswer(
              503,
              JSON.stringify({ error: { code: 'service_unavailable', message: 'busy', retryable: true } }),
              request,
            )
          : signedAnswer(200, 'a,b\n1,2\n', request, 'req_2')
      }),
    )
    const streamed = await client({ maxRetries: 1 }).requestStream({ path: '/v1/statements/2026-01-01' })
    const chunks: Uint8Array[] = []
    for await (const chunk of streamed.body) chunks.push(chunk)
    const text = Buffer.concat(chunks).toString('utf8')
    expect(text).toBe('a,b\n1,2\n')
    await streamed.verify(await bodyDigest(new TextEncoder().encode(text)))
    expect(streamed.requestId).toBe('req_2')
    expect(new Set(nonces).size).toBe(2)
  })

  it('judges freshness when the headers arrive, not after a long download', async () => {
    server.use(http.get(`${baseUrl}/v1/statements/:date`, ({ request }) => signedAnswer(200, 'x\n', request)))
    const streamed = await client().requestStream({ path: '/v1/statements/2026-01-01' })
    for await (const _ of streamed.body) {
      // a download that takes an hour on the client's clock
    }
    now += 3_600_000
    await expect(streamed.verify(await bodyDigest(new TextEncoder().encode('x\n')))).resolves.toBeUndefined()
  })
})

describe('responseMetaOf', () => {
  it('gives the request id and idempotency key behind a result, without changing the result', async () => {
    server.use(
      http.post(`${baseUrl}/v1/things`, async ({ request }) => {
        const body = JSON.stringify({ id: 't_1' })
        const signature = await signGatewayBody(gatewayKey, body, 'req_meta', {
          request,
          claims: { sts: 200 },
        })
        return new HttpResponse(body, {
          status: 200,
          headers: {
            'content-type': 'application/json',
            'ecny-request-id': 'req_meta',
            'ecny-signature': signature,
          },
        })
      }),
    )
    const result = await client().request({
      method: 'POST',
      path: '/v1/things',
      body: {},
      schema: z.looseObject({ id: z.string() }),
      idempotencyKey: 'idk_mine',
    })
    expect(result).toEqual({ id: 't_1' })
    expect(responseMetaOf(result)).toEqual({ requestId: 'req_meta', idempotencyKey: 'idk_mine', attempts: 1 })
    expect(responseMetaOf({ id: 't_1' })).toBeUndefined()
  })
})

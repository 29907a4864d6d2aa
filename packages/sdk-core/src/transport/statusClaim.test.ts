import { rejectionOf } from '@ecny/test-utils'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { baseUrl, errorJson, type GatewayKey, makeKeyPair, signGatewayBody } from '../../test/fakeGateway.js'
import { createBaseClient } from '../client/createBaseClient.js'

const server = setupServer()
let gatewayKey: GatewayKey
let appKey: GatewayKey

beforeAll(async () => {
  gatewayKey = await makeKeyPair('gw-1')
  appKey = await makeKeyPair('app-key-1')
  server.listen({ onUnhandledRequest: 'error' })
})
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const client = () =>
  createBaseClient({
    baseUrl,
    credentials: { appId: 'app_test', privateKey: appKey.privateJwk },
    gatewayKeys: { keys: [gatewayKey.publicJwk] },
    maxRetries: 0,
  })

/** A response the gateway signed as `signedStatus`, delivered with `sentStatus` (or no `sts` at all). */
function answer(
  path: string,
  method: 'get' | 'post',
  signedStatus: number | undefined,
  sentStatus: number,
  json: unknown,
) {
  return http[method](`${baseUrl}${path}`, async ({ request }) => {
    const body = JSON.stringify(json)
    const claims = signedStatus === undefined ? {} : { sts: signedStatus }
    const signature = await signGatewayBody(gatewayKey, body, 'req_1', { request, claims })
    return new HttpResponse(body, {
      status: sentStatus,
      headers: {
        'content-type': 'application/json',
        'ecny-request-id': 'req_1',
        'ecny-signature': signature,
      },
    })
  })
}

describe('the signed status (sts claim)', () => {
  it('a signed 200 delivered as 400 is signature_invalid, and a POST names its idempotency key', async () => {
    server.use(answer('/v1/transfers', 'post', 200, 400, { id: 'tr_1', status: 'succeeded' }))
    const error = await rejectionOf(
      client().request({
        method: 'POST',
        path: '/v1/transfers',
        body: {},
        schema: z.unknown(),
        idempotencyKey: 'idk_1',
      }),
    )
    expect(error.code).toBe('signature_invalid')
    expect(error.details).toMatchObject({ idempotencyKey: 'idk_1', method: 'POST', path: '/v1/transfers' })
    expect(error.hint).toContain('idk_1')
  })

  it('a signed 404 delivered as 200 is not a success', async () => {
    server.use(answer('/v1/orders/o1', 'get', 404, 200, errorJson('not_found', 'no such order')))
    const error = await rejectionOf(
      client().request({ method: 'GET', path: '/v1/orders/o1', schema: z.unknown() }),
    )
    expect(error.code).toBe('signature_invalid')
  })

  it('a response signature without sts is refused', async () => {
    server.use(answer('/v1/orders/o1', 'get', undefined, 200, { ok: true }))
    const error = await rejectionOf(
      client().request({ method: 'GET', path: '/v1/orders/o1', schema: z.unknown() }),
    )
    expect(error.code).toBe('signature_invalid')
  })

  it('a matching status is accepted, an error status keeps its code', async () => {
    server.use(answer('/v1/orders/o1', 'get', 200, 200, { ok: true }))
    await expect(
      client().request({ method: 'GET', path: '/v1/orders/o1', schema: z.unknown() }),
    ).resolves.toEqual({ ok: true })
    server.use(answer('/v1/orders/o2', 'get', 404, 404, errorJson('not_found', 'no such order')))
    const error = await rejectionOf(
      client().request({ method: 'GET', path: '/v1/orders/o2', schema: z.unknown() }),
    )
    expect(error.code).toBe('not_found')
  })

  it('a streamed download checks the status too, before and after the body', async () => {
    server.use(answer('/v1/statements/s1', 'get', 200, 503, { ok: true }))
    const refused = await rejectionOf(client().requestStream({ path: '/v1/statements/s1' }))
    expect(refused.code).toBe('signature_invalid')
    server.use(answer('/v1/statements/s2', 'get', 404, 200, { ok: true }))
    const streamed = await client().requestStream({ path: '/v1/statements/s2' })
    const { bodyDigest } = await import('./bytes.js')
    const chunks: Uint8Array[] = []
    for await (const chunk of streamed.body) chunks.push(chunk)
    const bytes = new Uint8Array(Buffer.concat(chunks))
    expect((await rejectionOf(streamed.verify(await bodyDigest(bytes)))).code).toBe('signature_invalid')
  })
})

import { Readable } from 'node:stream'
import { EcnyError } from '@ecny/sdk-core'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  ackNotification,
  ackNotificationResponse,
  createExpressNotificationVerifier,
  createFetchNotificationVerifier,
  createMemoryReplayStore,
  createNodeNotificationVerifier,
  createTestNotificationKeys,
  handleNotification,
  signTestNotification,
  type TestNotificationKeys,
  verifyNotification,
} from '../src/index.js'

const order = {
  id: 'ord_1',
  merchantId: 'mch_1',
  merchantOrderNo: 'A-1',
  mode: 'qr',
  status: 'succeeded',
  amount: 100,
  paidAmount: 100,
  refundedAmount: 0,
  currency: 'CNY',
  description: 'Tea',
  expiresAt: '2025-01-01T09:15:00+08:00',
  createdAt: '2025-01-01T09:00:00+08:00',
  updatedAt: '2025-01-01T09:01:00+08:00',
}

let keys: TestNotificationKeys
beforeAll(async () => {
  keys = await createTestNotificationKeys()
})

const options = () => ({ gatewayKeys: keys.jwks, replayStore: createMemoryReplayStore() })

describe('verifyNotification', () => {
  it('verifies a signed notification over the raw body and types it', async () => {
    const signed = await signTestNotification(
      { type: 'order.succeeded', data: order },
      { privateKey: keys.privateKey },
    )
    const event = await verifyNotification(signed.body, signed.headers, options())
    expect(event.type).toBe('order.succeeded')
    if (event.type === 'order.succeeded') expect(event.data.merchantOrderNo).toBe('A-1')
    expect(event.id).toBe(signed.id)
  })

  it('accepts bytes, Buffers and Headers', async () => {
    const signed = await signTestNotification(
      { type: 'order.succeeded', data: order },
      { privateKey: keys.privateKey },
    )
    const store = createMemoryReplayStore()
    await expect(
      verifyNotification(Buffer.from(signed.body), new Headers(signed.headers), {
        gatewayKeys: keys.jwks,
        replayStore: store,
      }),
    ).resolves.toMatchObject({ id: signed.id })
    const upper = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toUpperCase(), v]))
    await expect(
      verifyNotification(new TextEncoder().encode(signed.body), upper, {
        gatewayKeys: keys.jwks,
        replayStore: false,
      }),
    ).resolves.toMatchObject({ id: signed.id })
  })

  it('rejects a tampered body, a foreign key, a stale signature, a missing signature', async () => {
    const signed = await signTestNotification(
      { type: 'order.succeeded', data: order },
      { privateKey: keys.privateKey },
    )
    const tampered = signed.body.replace('"amount":100', '"amount":900')
    await expect(verifyNotification(tampered, signed.headers, options())).rejects.toMatchObject({
      code: 'signature_invalid',
    })
    const other = await createTestNotificationKeys()
    await expect(
      verifyNotification(signed.body, signed.headers, { gatewayKeys: other.jwks }),
    ).rejects.toMatchObject({ code: 'signature_invalid' })
    const stale = await signTestNotification(
      { type: 'order.succeeded', data: order },
      { privateKey: keys.privateKey, timestamp: Date.now() - 301_000 },
    )
    await expect(verifyNotification(stale.body, stale.headers, options())).rejects.toMatchObject({
      code: 'signature_invalid',
      message: expect.stringMatching(/tolerance/),
    })
    await expect(
      verifyNotification(stale.body, stale.headers, { ...options(), toleranceSeconds: 600 }),
    ).resolves.toBeDefined()
    await expect(
      verifyNotification(signed.body, { 'content-type': 'application/json' }, options()),
    ).rejects.toMatchObject({ code: 'signature_invalid' })
  })

  it('rejects a signature moved onto another event id', async () => {
    const a = await signTestNotification(
      { id: 'evt_a', type: 'order.succeeded', data: order },
      { privateKey: keys.privateKey },
    )
    await expect(
      verifyNotification(a.body, { ...a.headers, 'ecny-notification-id': 'evt_b' }, options()),
    ).rejects.toMatchObject({ code: 'signature_invalid' })
  })

  it('throws notification_replayed for an event id seen before', async () => {
    const signed = await signTestNotification(
      {
        type: 'refund.succeeded',
        data: {
          id: 'rfd_1',
          orderId: 'ord_1',
          merchantRefundNo: 'R-1',
          amount: 10,
          benefitClawback: 0,
          status: 'succeeded',
          createdAt: order.createdAt,
        },
      },
      { privateKey: keys.privateKey },
    )
    const opts = options()
    await verifyNotification(signed.body, signed.headers, opts)
    const error = await verifyNotification(signed.body, signed.headers, opts).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EcnyError)
    expect(error).toMatchObject({ code: 'notification_replayed', details: { eventId: signed.id } })
    // verifyNotification alone is at most once; the handlers release on failure (see the e2e test)
    const handled: string[] = []
    const replay = await handleNotification(signed.body, signed.headers, {
      ...opts,
      handle: (e) => handled.push(e.id),
    })
    expect([replay.status, replay.outcome, handled]).toEqual([200, 'duplicate', []])
  })

  it('explains body_already_parsed when handed an object', async () => {
    const signed = await signTestNotification(
      { type: 'order.succeeded', data: order },
      { privateKey: keys.privateKey },
    )
    const error = await verifyNotification(JSON.parse(signed.body), signed.headers, options()).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ code: 'body_already_parsed' })
    expect((error as EcnyError).message).toMatch(/express\.raw/)
    expect((error as EcnyError).message).toMatch(/request\.text\(\)/)
  })

  it('passes unknown event types through as type unknown', async () => {
    const signed = await signTestNotification(
      { type: 'campaign.ended', data: { campaignId: 'c1' } },
      { privateKey: keys.privateKey },
    )
    expect(await verifyNotification(signed.body, signed.headers, options())).toMatchObject({
      type: 'unknown',
      originalType: 'campaign.ended',
    })
  })

  it('needs gateway keys', async () => {
    await expect(verifyNotification('{}', {}, {} as never)).rejects.toMatchObject({ code: 'invalid_request' })
  })
})

describe('adapters', () => {
  const request = (body: unknown, headers: Record<string, string>, raw?: string) =>
    Object.assign(Readable.from(raw === undefined ? [] : [Buffer.from(raw)]), { headers, body })

  it('Express: a Buffer from express.raw verifies; a parsed body is explained', async () => {
    const verify = createExpressNotificationVerifier(options())
    const signed = await signTestNotification(
      { type: 'order.succeeded', data: order },
      { privateKey: keys.privateKey },
    )
    await expect(verify(request(Buffer.from(signed.body), signed.headers))).resolves.toMatchObject({
      id: signed.id,
    })
    const parsed = await signTestNotification(
      { type: 'order.succeeded', data: order },
      { privateKey: keys.privateKey },
    )
    const error = await verify(request(JSON.parse(parsed.body), parsed.headers)).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'body_already_parsed' })
    expect((error as EcnyError).hint).toMatch(/express\.raw\(\{ type: "application\/json" \}\)/)
  })

  it('Express: without a body parser it reads the stream; an unmatched express.raw leaves {} and the stream', async () => {
    const verify = createExpressNotificationVerifier(options())
    const a = await signTestNotification(
      { type: 'order.succeeded', data: order },
      { privateKey: keys.privateKey },
    )
    await expect(verify(request(undefined, a.headers, a.body))).resolves.toMatchObject({ id: a.id })
    const b = await signTestNotification(
      { type: 'order.succeeded', data: order },
      { privateKey: keys.privateKey },
    )
    await expect(verify(request({}, b.headers, b.body))).resolves.toMatchObject({ id: b.id })
  })

  it('Node: refuses an oversized body', async () => {
    const verify = createNodeNotificationVerifier({ ...options(), maxBodyBytes: 10 })
    await expect(verify(request(undefined, {}, 'x'.repeat(11)))).rejects.toMatchObject({
      code: 'payload_too_large',
    })
  })

  it('Fetch: verifies a Request, and explains a consumed body', async () => {
    const verify = createFetchNotificationVerifier(options())
    const signed = await signTestNotification(
      { type: 'order.succeeded', data: order },
      { privateKey: keys.privateKey },
    )
    const make = () =>
      new Request('https://shop.example/notify', {
        method: 'POST',
        headers: signed.headers,
        body: signed.body,
      })
    await expect(verify(make())).resolves.toMatchObject({ id: signed.id })
    const used = make()
    await used.json()
    await expect(verify(used)).rejects.toMatchObject({ code: 'body_already_parsed' })
  })

  it('ack helpers answer {"code":"SUCCESS"}', async () => {
    expect(ackNotification()).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"code":"SUCCESS"}',
    })
    const response = ackNotificationResponse()
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ code: 'SUCCESS' })
  })
})

describe('createMemoryReplayStore', () => {
  it('expires ids after their TTL and keeps at most maxEntries', () => {
    let now = 0
    const store = createMemoryReplayStore({ maxEntries: 2, now: () => now })
    store.commit('a', 't', 10_000)
    expect(store.claim('a', 't', 10_000)).toBe('done')
    now = 10_001
    expect(store.claim('a', 't', 10_000)).toBe('claimed')
    store.commit('b', 't', 10_000)
    store.commit('c', 't', 10_000)
    store.commit('d', 't', 10_000)
    expect(store.size).toBe(2)
    expect(store.claim('b', 't', 10_000)).toBe('claimed')
    expect(store.claim('d', 't', 10_000)).toBe('done')
  })
})

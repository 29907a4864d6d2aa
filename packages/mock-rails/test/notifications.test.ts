import { notificationEvent } from '@ecny/protocol'
import { testCard, testRails, verifyGatewayResponse } from '@ecny/test-utils'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { notificationRetrySchedule } from '../src/notifications/retrySchedule.js'

type Received = { at: number; body: string; signature: string | null }
const received: Received[] = []
let answers: Array<() => Response> = []
let clockNow = () => 0

const server = setupServer(
  http.post('https://merchant.test/notify', async ({ request }) => {
    received.push({
      at: clockNow(),
      body: await request.text(),
      signature: request.headers.get('ecny-signature'),
    })
    const answer = answers.shift()
    return answer ? answer() : HttpResponse.json({ code: 'SUCCESS' })
  }),
)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  received.length = 0
  answers = []
})
afterAll(() => server.close())

function paidOrder() {
  const t = testRails()
  clockNow = () => t.rails.clock.now()
  const wallet = t.engine.openWallet({ level: 'WL04', mobile: '13800138000' })
  t.engine.topUp(wallet.id, { amount: 10_000, bankCard: testCard })
  const order = t.engine.createOrder({
    merchantId: t.merchant.id,
    merchantOrderNo: 'N1',
    amount: 100,
    description: 'x',
    mode: 'qr',
  })
  t.engine.payOrder(order.id, { walletId: wallet.id })
  return { ...t, order }
}

/** Advances the rails clock second by second, delivering what is due, for `seconds`. */
async function run(rails: ReturnType<typeof testRails>['rails'], seconds: number) {
  await rails.notifications.deliverDue()
  for (let s = 0; s < seconds; s++) {
    rails.clock.advance(1000)
    await rails.notifications.deliverDue()
  }
}

describe('notifications', () => {
  it('are signed (typ ecny-notification+jws, rid = event id) and match the protocol schema', async () => {
    const { rails, order } = paidOrder()
    await rails.notifications.deliverDue()
    expect(received).toHaveLength(1)
    const bytes = new TextEncoder().encode(received[0]!.body)
    const claims = await verifyGatewayResponse(
      await rails.jwks(),
      received[0]!.signature,
      bytes,
      'ecny-notification+jws',
    )
    const event = z.parse(notificationEvent, JSON.parse(received[0]!.body))
    expect(event).toMatchObject({
      type: 'order.succeeded',
      attempt: 1,
      data: { id: order.id, status: 'succeeded' },
    })
    expect(claims.rid).toBe(event.id)
    expect(rails.notifications.list()[0]).toMatchObject({
      status: 'delivered',
      attempts: [{ attempt: 1, ok: true, httpStatus: 200 }],
    })
  })

  it('are retried on the schedule until {"code":"SUCCESS"}, then stop', async () => {
    const { rails } = paidOrder()
    const start = rails.clock.now()
    answers = [
      () => new HttpResponse('nope', { status: 500 }),
      () => HttpResponse.json({ code: 'FAIL' }),
      () => HttpResponse.text('SUCCESS'),
      () => HttpResponse.error(),
    ]
    await run(rails, 300)
    // attempts at 0, 15, 30, 60 fail; the 5th (60 + 180 = 240 s) succeeds; none after.
    expect(received.map((r) => (r.at - start) / 1000)).toEqual([0, 15, 30, 60, 240])
    const [record] = rails.notifications.list()
    expect(record!.status).toBe('delivered')
    expect(record!.attempts.map((a) => [a.ok, a.httpStatus])).toEqual([
      [false, 500],
      [false, 200],
      [false, 200],
      [false, null],
      [true, 200],
    ])
    expect(JSON.parse(received[4]!.body).attempt).toBe(5)
    rails.clock.advance(10 * 3600_000)
    await rails.notifications.deliverDue()
    expect(received).toHaveLength(5)
  })

  it('give up after the tenth attempt, at the schedule’s cumulative offsets', async () => {
    const { rails } = paidOrder()
    const start = rails.clock.now()
    answers = Array.from({ length: 20 }, () => () => new HttpResponse(null, { status: 503 }))
    for (let i = 0; i < 20; i++) {
      await rails.notifications.deliverDue()
      const next = rails.notifications.list()[0]!.nextAttemptAt
      if (!next) break
      rails.clock.set(next)
    }
    let elapsed = 0
    const offsets = notificationRetrySchedule.map((delay) => (elapsed += delay))
    expect(received.map((r) => (r.at - start) / 1000)).toEqual(offsets)
    expect(rails.notifications.list()[0]).toMatchObject({ status: 'failed', nextAttemptAt: null })
  })

  it('an order without any notify URL is recorded as no_endpoint', () => {
    const t = testRails()
    const m = t.rails.seedMerchant()
    t.engine.createOrder({ merchantId: m.id, merchantOrderNo: 'Q', amount: 1, description: 'x', mode: 'qr' })
    t.engine.closeOrder(t.engine.findOrderByMerchantOrderNo(m.id, 'Q').id)
    expect(t.rails.notifications.list().at(-1)).toMatchObject({
      type: 'order.closed',
      status: 'no_endpoint',
      url: null,
    })
  })

  it('duplicate and reorder faults are seeded', async () => {
    const { rails, engine, merchant } = testRails({
      faults: { duplicateNotifications: 1, reorderNotifications: 1 },
    })
    clockNow = () => rails.clock.now()
    for (const no of ['A', 'B', 'C', 'D']) {
      engine.closeOrder(
        engine.createOrder({
          merchantId: merchant.id,
          merchantOrderNo: no,
          amount: 1,
          description: 'x',
          mode: 'qr',
        }).id,
      )
    }
    await rails.notifications.deliverDue()
    const ids = received.map((r) => JSON.parse(r.body).id as string)
    expect(ids).toHaveLength(8)
    expect(ids[0]).toBe(ids[1])
    expect(new Set(ids).size).toBe(4)
    expect(ids.filter((_, i) => i % 2 === 0)).not.toEqual([...new Set(ids)].sort())
  })
})

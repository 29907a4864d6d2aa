import { httpSetup } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'

/** A QR order of the seeded merchant, unpaid. */
function qrOrder(
  t: Awaited<ReturnType<typeof httpSetup>>,
  no: string,
  amount = 1_250,
  expiresInSeconds = 900,
) {
  return t.engine.createOrder({
    merchantId: t.merchant.id,
    merchantOrderNo: no,
    amount,
    description: 'Latte',
    mode: 'qr',
    expiresInSeconds,
  })
}

describe('test-mode controls over the HTTP door', () => {
  it('advances the rails clock: an order past its expiry closes, yesterday’s usage stops counting', async () => {
    const t = await httpSetup()
    const order = qrOrder(t, 'CLK-1', 1_250, 60)
    t.rails.testControls.trigger({
      action: 'pay',
      orderId: qrOrder(t, 'CLK-0', 3_000).id,
      walletId: t.wallet.id,
    })
    expect(t.engine.getLimits(t.wallet.id).used.today).toBe(3_000)
    const before = await t.client.call('GET', '/v1/test/clock')
    expect(before.status).toBe(200)
    const moved = await t.client.call(
      'POST',
      '/v1/test/clock/advance',
      { seconds: 24 * 3600 },
      { idempotencyKey: 'adv-1' },
    )
    expect(moved.status).toBe(200)
    const json = moved.json as { now: string; mode: string }
    expect(Date.parse(json.now) - Date.parse((before.json as { now: string }).now)).toBe(24 * 3600 * 1000)
    expect(t.engine.getOrder(order.id).status).toBe('closed')
    expect(t.engine.getOrder(order.id).failureCode).toBe('order_expired')
    expect(t.engine.getLimits(t.wallet.id).used.today).toBe(0)
    expect(t.engine.getLimits(t.wallet.id).used.thisYear).toBe(3_000)
  })

  it('advancing the clock brings a failed notification’s retry due (15 s after the first attempt)', async () => {
    const t = await httpSetup({ notifications: { fetch: async () => new Response('busy', { status: 503 }) } })
    t.rails.testControls.trigger({ action: 'pay', orderId: qrOrder(t, 'CLK-N').id })
    await t.rails.notifications.deliverDue()
    const advance = (seconds: number) => t.client.call('POST', '/v1/test/clock/advance', { seconds })
    expect(((await advance(14)).json as { notificationsDue: number }).notificationsDue).toBe(0)
    expect(((await advance(1)).json as { notificationsDue: number }).notificationsDue).toBe(1)
    expect((await t.rails.notifications.deliverDue()).attempted).toBe(1)
  })

  it('refuses to move the clock backwards or by a fraction', async () => {
    const t = await httpSetup()
    for (const seconds of [0, -5, 1.5]) {
      const answer = await t.client.call('POST', '/v1/test/clock/advance', { seconds })
      expect(answer.status, String(seconds)).toBe(400)
      expect((answer.json as { error: { code: string } }).error.code).toBe('invalid_request')
    }
  })

  it('triggers a payment from a fresh test wallet, and the order.succeeded notification is queued', async () => {
    const t = await httpSetup()
    const order = qrOrder(t, 'TRG-1')
    const answer = await t.client.call('POST', '/v1/test/triggers', { action: 'pay', orderId: order.id })
    expect(answer.status).toBe(200)
    const json = answer.json as { order: { status: string; paidAmount: number }; walletId: string }
    expect(json.order.status).toBe('succeeded')
    expect(json.order.paidAmount).toBe(1_250)
    expect(t.engine.getBalance(json.walletId).available).toBe(0)
    expect(t.rails.notifications.list().map((n) => n.type)).toContain('order.succeeded')
    expect(t.rails.ledger.verify().ok).toBe(true)
  })

  it('pays from a named wallet, expires and fails orders, and refuses a paid one', async () => {
    const t = await httpSetup()
    const paid = qrOrder(t, 'TRG-2')
    const pay = await t.client.call('POST', '/v1/test/triggers', {
      action: 'pay',
      orderId: paid.id,
      walletId: t.wallet.id,
    })
    expect((pay.json as { walletId: string }).walletId).toBe(t.wallet.id)
    expect(t.engine.getBalance(t.wallet.id).available).toBe(100_000 - 1_250)

    const expired = await t.client.call('POST', '/v1/test/triggers', {
      action: 'expire',
      orderId: qrOrder(t, 'TRG-3').id,
    })
    expect((expired.json as { order: { status: string; failureCode: string } }).order).toMatchObject({
      status: 'closed',
      failureCode: 'order_expired',
    })
    const failed = await t.client.call('POST', '/v1/test/triggers', {
      action: 'fail',
      orderId: qrOrder(t, 'TRG-4').id,
      failureCode: 'limit_exceeded',
    })
    expect((failed.json as { order: { status: string; failureCode: string } }).order).toMatchObject({
      status: 'failed',
      failureCode: 'limit_exceeded',
    })
    const types = t.rails.notifications.list().map((n) => n.type)
    expect(types).toEqual(expect.arrayContaining(['order.succeeded', 'order.closed', 'order.failed']))

    const again = await t.client.call('POST', '/v1/test/triggers', { action: 'expire', orderId: paid.id })
    expect(again.status).toBe(409)
    expect((again.json as { error: { code: string } }).error.code).toBe('invalid_state')
  })

  it('refuses a trigger on another merchant’s order', async () => {
    const t = await httpSetup()
    const other = t.rails.seedMerchant({ legalName: '别家商户有限公司' })
    const order = t.engine.createOrder({
      merchantId: other.id,
      merchantOrderNo: 'X-1',
      amount: 100,
      description: 'Tea',
      mode: 'qr',
    })
    const answer = await t.client.call('POST', '/v1/test/triggers', { action: 'pay', orderId: order.id })
    expect(answer.status).toBe(403)
    expect(t.engine.getOrder(order.id).status).toBe('created')
  })

  it('sets and reads faults, and the controls themselves are never faulted', async () => {
    const t = await httpSetup()
    const set = await t.client.call('POST', '/v1/test/faults', { rate5xx: 1 })
    expect(set.status).toBe(200)
    expect(t.rails.faults.get().rate5xx).toBe(1)
    expect((await t.client.call('GET', `/v1/wallets/${t.wallet.id}`)).status).toBe(503)
    expect((await t.client.call('GET', '/v1/test/faults')).json).toMatchObject({ rate5xx: 1 })
    expect((await t.client.call('POST', '/v1/test/faults', {})).status).toBe(200)
    expect((await t.client.call('GET', `/v1/wallets/${t.wallet.id}`)).status).toBe(200)
  })

  it('reads the ledger verification', async () => {
    const t = await httpSetup()
    const answer = await t.client.call('GET', '/v1/test/ledger/verification')
    expect(answer.json).toMatchObject({ ok: true, total: 0, negativeAccounts: [] })
  })

  it('resends a delivered notification once more, and the attempts show both', async () => {
    const t = await httpSetup({
      notifications: { fetch: async () => new Response('{"code":"SUCCESS"}', { status: 200 }) },
    })
    const order = qrOrder(t, 'RES-1')
    t.rails.testControls.trigger({ action: 'pay', orderId: order.id })
    await t.rails.notifications.deliverDue()
    const [event] = t.rails.notifications.list()
    expect(event!.status).toBe('delivered')
    const answer = await t.client.call('POST', `/v1/test/notifications/${event!.id}/resend`, undefined, {
      idempotencyKey: 'resend-1',
    })
    expect(answer.status).toBe(200)
    const json = answer.json as { status: string; attempts: { attempt: number; ok: boolean }[] }
    expect(json.attempts.map((a) => [a.attempt, a.ok])).toEqual([
      [1, true],
      [2, true],
    ])
    const listed = await t.client.call('GET', '/v1/test/notifications?status=delivered')
    expect((listed.json as { data: { id: string }[] }).data.map((n) => n.id)).toEqual([event!.id])
    expect((await t.client.call('POST', '/v1/test/notifications/evt_nope/resend')).status).toBe(404)
  })

  it('refuses every control with permission_denied when the rails are not in test mode', async () => {
    const t = await httpSetup({ testMode: false })
    const clockBefore = t.rails.clock.now()
    for (const [method, path, body] of [
      ['GET', '/v1/test/clock'],
      ['POST', '/v1/test/clock/advance', { seconds: 60 }],
      ['POST', '/v1/test/triggers', { action: 'pay', orderId: 'ord_x' }],
      ['POST', '/v1/test/faults', { rate5xx: 1 }],
      ['GET', '/v1/test/ledger/verification'],
      ['POST', '/v1/test/notifications/claim', {}],
    ] as const) {
      const answer = await t.client.call(method, path, body)
      expect(answer.status, path).toBe(403)
      const error = (answer.json as { error: { code: string; message: string; details: object } }).error
      expect(error.code).toBe('permission_denied')
      expect(error.message).toContain('not in test mode')
      expect(error.details).toMatchObject({ testMode: false })
    }
    expect(t.rails.clock.now()).toBe(clockBefore)
    expect(t.rails.faults.get().rate5xx).toBeUndefined()
  })

  it('refuses the controls to a client token (server credentials only)', async () => {
    const t = await httpSetup()
    const order = qrOrder(t, 'TOK-1')
    const minted = await t.client.call('POST', '/v1/client-tokens', {
      scope: { type: 'order', id: order.id },
    })
    const token = (minted.json as { token: string }).token
    const answer = await t.client.call(
      'POST',
      '/v1/test/triggers',
      { action: 'pay', orderId: order.id },
      { bearer: token },
    )
    expect(answer.status).toBe(403)
    expect(t.engine.getOrder(order.id).status).toBe('created')
  })
})

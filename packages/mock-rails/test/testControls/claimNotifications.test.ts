import { httpSetup, verifyGatewayResponse } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'

type Claimed = { id: string; type: string; attempt: number; body: string; headers: Record<string, string> }
type Notification = {
  status: string
  nextAttemptAt: string | null
  attempts: { attempt: number; ok: boolean; forwarded?: boolean; httpStatus: number | null }[]
}

/** Rails whose own deliveries never reach the merchant (a sandbox the developer's server cannot be reached from). */
async function unreachable() {
  const t = await httpSetup({
    notifications: {
      fetch: async () => {
        throw new TypeError('fetch failed: connect ECONNREFUSED')
      },
    },
  })
  const paid = () => {
    const order = t.engine.createOrder({
      merchantId: t.merchant.id,
      merchantOrderNo: `L-${Math.random().toString(36).slice(2, 10)}`,
      amount: 500,
      description: 'Tea',
      mode: 'qr',
    })
    t.rails.testControls.trigger({ action: 'pay', orderId: order.id })
    return order
  }
  const claim = async () =>
    ((await t.client.call('POST', '/v1/test/notifications/claim', {})).json as { data: Claimed[] }).data
  const report = (id: string, body: object) =>
    t.client.call('POST', `/v1/test/notifications/${id}/forwarded`, body)
  return { ...t, paid, claim, report }
}

describe('claiming notifications for a listener (ecny listen)', () => {
  it('hands out a pending notification signed exactly as the gateway would POST it', async () => {
    const t = await unreachable()
    const order = t.paid()
    const [delivery, ...rest] = await t.claim()
    expect(rest).toEqual([])
    expect(delivery).toMatchObject({ type: 'order.succeeded', attempt: 1 })
    const bytes = new TextEncoder().encode(delivery!.body)
    const claims = await verifyGatewayResponse(
      await t.rails.jwks(),
      delivery!.headers['ecny-signature']!,
      bytes,
      'ecny-notification+jws',
    )
    expect(claims.rid).toBe(delivery!.id)
    expect(delivery!.headers['ecny-notification-id']).toBe(delivery!.id)
    expect(JSON.parse(delivery!.body)).toMatchObject({ id: delivery!.id, attempt: 1, data: { id: order.id } })
  })

  it('records the forwarded answer as the attempt: an acknowledgement delivers it', async () => {
    const t = await unreachable()
    t.paid()
    const [delivery] = await t.claim()
    const answer = await t.report(delivery!.id, { attempt: 1, httpStatus: 200, body: '{"code":"SUCCESS"}' })
    expect(answer.status).toBe(200)
    const json = answer.json as Notification
    expect(json.status).toBe('delivered')
    expect(json.attempts).toEqual([
      expect.objectContaining({ attempt: 1, ok: true, httpStatus: 200, forwarded: true }),
    ])
    expect(await t.claim()).toEqual([])
  })

  it('a refused forward waits for its retry on the rails clock, then is handed out again', async () => {
    const t = await unreachable()
    t.paid()
    const [first] = await t.claim()
    const refused = (await t.report(first!.id, { attempt: 1, httpStatus: 500, body: 'oops' }))
      .json as Notification
    expect(refused.status).toBe('pending')
    expect(refused.attempts[0]).toMatchObject({ ok: false, httpStatus: 500, forwarded: true })
    expect(await t.claim()).toEqual([]) // not due before the 15 s retry
    t.rails.clock.advance(15_000)
    const [again] = await t.claim()
    expect(again).toMatchObject({ id: first!.id, attempt: 2 })
    expect(JSON.parse(again!.body).attempt).toBe(2)
  })

  it('keeps a claimed notification from the gateway’s own delivery, and takes each answer once', async () => {
    const t = await unreachable()
    t.paid()
    const [delivery] = await t.claim()
    expect((await t.rails.notifications.deliverDue()).attempted).toBe(0)
    expect(
      (await t.report(delivery!.id, { attempt: 1, httpStatus: 200, body: '{"code":"SUCCESS"}' })).status,
    ).toBe(200)
    const twice = await t.report(delivery!.id, { attempt: 1, httpStatus: 200, body: '{"code":"SUCCESS"}' })
    expect(twice.status).toBe(409)
    expect((twice.json as { error: { code: string } }).error.code).toBe('invalid_state')
  })

  it('hands a listener what the gateway’s own attempts could not deliver, at once', async () => {
    const t = await unreachable()
    t.paid()
    await t.rails.notifications.deliverDue() // refused: next retry in 15 s
    const [delivery] = await t.claim()
    expect(delivery).toMatchObject({ attempt: 2 })
  })

  it('shows an app only its own merchants’ notifications', async () => {
    const t = await unreachable()
    const stranger = await t.rails.createDemoApp({ merchantIds: [t.rails.seedMerchant().id] })
    const { createSignedClient } = await import('@ecny/test-utils')
    const other = createSignedClient({
      ...stranger,
      send: (r) => t.rails.handle(r),
      now: () => t.rails.clock.now(),
    })
    t.paid()
    const claimed = await other.call('POST', '/v1/test/notifications/claim', {})
    expect((claimed.json as { data: unknown[] }).data).toEqual([])
    const [delivery] = await t.claim()
    expect((await other.call('POST', `/v1/test/notifications/${delivery!.id}/resend`)).status).toBe(404)
  })
})

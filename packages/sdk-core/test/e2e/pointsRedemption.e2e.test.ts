/**
 * Points pay part of an order (DOMAIN.md §7, ABC Suzhou 2023: a points ledger with redemption),
 * through `@ecny/sdk-core` against the rails: redeemed against an open order, they lower what the
 * wallet pays while the merchant still receives the whole amount — the programme's fund (a `budget`
 * account in the rails' ledger) pays the difference. Every step checks that the ledger balances.
 */
import { createQrOrder, useWalletRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import { type EcnyError, getPoints, listPointsEntries, redeemPoints } from '../../src/index.js'

const h = useWalletRails()

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: unknown) => error as EcnyError,
  )
}

async function entries(walletId: string) {
  const all = []
  for await (const entry of listPointsEntries(h.client, { walletId })) all.push(entry)
  return all
}

const fund = () => h.rails.campaigns.points.fund()
const merchantWallet = () => h.rails.merchants.get(h.merchantId)!.settlementWalletId!
const conserved = () => expect(h.rails.ledger.verify()).toMatchObject({ ok: true, total: 0 })

/** A wallet with 50,000 fen and its 505 opening points credited; the fund holds `funds` fen. */
async function holder(funds = 10_000) {
  h.setClock('2025-05-05T10:00:00+08:00') // a Monday: credited Friday
  const walletId = await h.openFunded(50_000)
  h.setClock('2025-05-09T09:00:00+08:00')
  if (funds > 0) h.rails.campaigns.points.deposit({ amount: funds })
  return walletId
}

describe('points redeemed against an open order pay part of it', () => {
  it('the wallet pays the rest, the merchant gets the whole amount, the fund pays the difference', async () => {
    const walletId = await holder()
    const order = createQrOrder(h, 2_000)
    const merchantBefore = h.balanceOf(merchantWallet())

    const entry = await redeemPoints(h.client, { walletId, orderId: order.id, points: 300 })
    expect(entry).toMatchObject({ kind: 'redemption', points: -300, value: 300, orderId: order.id })
    expect(await getPoints(h.client, { walletId })).toMatchObject({ balance: 205 })
    // The wallet app sees what it will be asked for; the fund has promised the 300 fen.
    const scanned = await h.client.payments.resolveQr({ payload: order.qrPayload! })
    expect(scanned).toMatchObject({ amount: 2_000, amountDue: 1_700 })
    expect(fund()).toMatchObject({ balance: 10_000, reserved: 300, available: 9_700 })

    const paid = await h.client.payments.pay({ orderId: order.id, walletId })
    expect(paid).toMatchObject({
      status: 'succeeded',
      amount: 2_000,
      amountDue: 1_700,
      paidAmount: 1_700,
      pointsRedeemed: { walletId, points: 300, value: 300, status: 'applied' },
    })
    expect(h.balanceOf(walletId)).toBe(50_000 - 1_700)
    expect(h.balanceOf(merchantWallet())).toBe(merchantBefore + 2_000)
    expect(fund()).toMatchObject({ balance: 9_700, reserved: 0, available: 9_700, paidOut: 300 })
    conserved()
  })

  it('several redemptions against one order add up; the wallet pays nothing when points cover it all', async () => {
    const walletId = await holder()
    const order = createQrOrder(h, 500)
    await redeemPoints(h.client, { walletId, orderId: order.id, points: 200 })
    await redeemPoints(h.client, { walletId, orderId: order.id, points: 300 })
    const paid = await h.client.payments.pay({ orderId: order.id, walletId })
    expect(paid).toMatchObject({ paidAmount: 0, amountDue: 0, pointsRedeemed: { points: 500, value: 500 } })
    expect(h.balanceOf(walletId)).toBe(50_000)
    conserved()
  })

  it('a refund sends the points’ share back to the fund and the points to the holder, in proportion', async () => {
    const walletId = await holder()
    const order = createQrOrder(h, 2_000)
    await redeemPoints(h.client, { walletId, orderId: order.id, points: 500 })
    await h.client.payments.pay({ orderId: order.id, walletId })
    expect(h.balanceOf(walletId)).toBe(50_000 - 1_500)

    const half = h.rails.engine.createRefund(order.id, { merchantRefundNo: 'PR-1', amount: 1_000 })
    expect(half).toMatchObject({ status: 'succeeded', pointsReturned: { points: 250, value: 250 } })
    expect(h.balanceOf(walletId)).toBe(50_000 - 1_500 + 750)
    expect(fund()).toMatchObject({ balance: 9_750, returned: 250 })
    conserved()

    const rest = h.rails.engine.createRefund(order.id, { merchantRefundNo: 'PR-2', amount: 1_000 })
    expect(rest).toMatchObject({ pointsReturned: { points: 250, value: 250 } })
    expect(h.balanceOf(walletId)).toBe(50_000)
    expect(fund()).toMatchObject({ balance: 10_000, reserved: 0 })
    expect(await getPoints(h.client, { walletId })).toMatchObject({ balance: 505 })
    const returns = (await entries(walletId)).filter((e) => e.kind === 'redemption_return')
    expect(returns.map((e) => [e.points, e.value, e.refundId, e.reason])).toEqual([
      [250, 250, rest.id, 'refund'],
      [250, 250, half.id, 'refund'],
    ])
    expect(h.rails.engine.getOrder(order.id)).toMatchObject({
      status: 'refunded',
      pointsRedeemed: { status: 'applied', returnedPoints: 500, returnedValue: 500 },
    })
    conserved()
  })

  it('at a rate of several fen a point, a refund returns whole points only as their value comes back', async () => {
    const walletId = await holder()
    h.rails.campaigns.points.updateRules({ fenPerPoint: 10 })
    const order = createQrOrder(h, 1_000)
    await redeemPoints(h.client, { walletId, orderId: order.id, points: 3 }) // 30 fen
    await h.client.payments.pay({ orderId: order.id, walletId })
    const first = h.rails.engine.createRefund(order.id, { merchantRefundNo: 'PR-3', amount: 500 })
    expect(first).toMatchObject({ pointsReturned: { points: 1, value: 15 } })
    const second = h.rails.engine.createRefund(order.id, { merchantRefundNo: 'PR-4', amount: 500 })
    expect(second).toMatchObject({ pointsReturned: { points: 2, value: 15 } })
    expect(h.balanceOf(walletId)).toBe(50_000)
    conserved()
  })
})

describe('points held against an order go back when it is not paid with them', () => {
  it('the merchant closes the order', async () => {
    const walletId = await holder()
    const order = createQrOrder(h, 2_000)
    await redeemPoints(h.client, { walletId, orderId: order.id, points: 100 })
    h.rails.engine.closeOrder(order.id)
    expect(await getPoints(h.client, { walletId })).toMatchObject({ balance: 505 })
    const [back] = await entries(walletId)
    expect(back).toMatchObject({ kind: 'redemption_return', points: 100, reason: 'order_closed' })
    expect(h.rails.engine.getOrder(order.id)).toMatchObject({
      amountDue: 2_000,
      pointsRedeemed: { status: 'released' },
    })
    expect(fund()).toMatchObject({ reserved: 0, available: 10_000 })
  })

  it('the order expires on the rails clock', async () => {
    const walletId = await holder()
    const order = createQrOrder(h, 2_000)
    await redeemPoints(h.client, { walletId, orderId: order.id, points: 100 })
    h.advance(3 * 3_600_000)
    expect(h.rails.engine.getOrder(order.id).status).toBe('closed')
    expect(await getPoints(h.client, { walletId })).toMatchObject({ balance: 505 })
  })

  it('another wallet pays it: that wallet pays the whole amount, the points go back', async () => {
    const walletId = await holder()
    const other = await h.openFunded(5_000)
    const order = createQrOrder(h, 2_000)
    await redeemPoints(h.client, { walletId, orderId: order.id, points: 100 })
    const paid = await h.client.payments.pay({ orderId: order.id, walletId: other })
    expect(paid).toMatchObject({ paidAmount: 2_000, pointsRedeemed: { status: 'released' } })
    expect(h.balanceOf(other)).toBe(3_000)
    const [back] = await entries(walletId)
    expect(back).toMatchObject({ kind: 'redemption_return', points: 100, reason: 'paid_by_another_wallet' })
    expect(fund()).toMatchObject({ balance: 10_000, paidOut: 0 })
    conserved()
  })
})

describe('refusals, each with a stable code', () => {
  it('an unknown order, a paid one, one carrying another wallet’s points', async () => {
    const walletId = await holder()
    const unknown = await rejection(redeemPoints(h.client, { walletId, orderId: 'ord_nope', points: 1 }))
    expect(unknown.code).toBe('not_found')

    const paid = createQrOrder(h, 1_000)
    await h.client.payments.pay({ orderId: paid.id, walletId })
    const late = await rejection(redeemPoints(h.client, { walletId, orderId: paid.id, points: 1 }))
    expect(late).toMatchObject({ code: 'points_order_not_open', details: { status: 'succeeded' } })

    const other = await h.openFunded(0)
    const taken = createQrOrder(h, 1_000)
    await redeemPoints(h.client, { walletId, orderId: taken.id, points: 10 })
    const clash = await rejection(redeemPoints(h.client, { walletId: other, orderId: taken.id, points: 1 }))
    expect(clash).toMatchObject({
      code: 'points_order_not_open',
      details: { reason: 'points_of_another_wallet' },
    })
  })

  it('points worth more than what is left of the order', async () => {
    const walletId = await holder()
    const order = createQrOrder(h, 300)
    await redeemPoints(h.client, { walletId, orderId: order.id, points: 100 })
    const error = await rejection(redeemPoints(h.client, { walletId, orderId: order.id, points: 201 }))
    expect(error).toMatchObject({
      code: 'points_exceed_order',
      details: { orderAmount: 300, left: 200, value: 201, maxPoints: 200 },
    })
    expect(error.retryable).toBe(false)
    expect(await getPoints(h.client, { walletId })).toMatchObject({ balance: 405 })
  })

  it('a fund that cannot pay them, counting what open orders already hold', async () => {
    const walletId = await holder(250)
    const first = createQrOrder(h, 1_000)
    await redeemPoints(h.client, { walletId, orderId: first.id, points: 200 })
    const second = createQrOrder(h, 1_000)
    const error = await rejection(redeemPoints(h.client, { walletId, orderId: second.id, points: 100 }))
    expect(error).toMatchObject({
      code: 'points_fund_insufficient',
      details: { available: 50, value: 100, maxPoints: 50 },
    })
    // Closing the first order frees what it held.
    h.rails.engine.closeOrder(first.id)
    expect(fund()).toMatchObject({ available: 250 })
  })

  it('still at most 3 redemptions a day', async () => {
    const walletId = await holder()
    const order = createQrOrder(h, 2_000)
    for (let i = 0; i < 3; i++) await redeemPoints(h.client, { walletId, orderId: order.id, points: 10 })
    const capped = await rejection(redeemPoints(h.client, { walletId, orderId: order.id, points: 10 }))
    expect(capped).toMatchObject({ code: 'points_redemption_cap_reached', details: { cap: 3 } })
  })
})

import type { EcnyError } from '@ecny/sdk-core'
import { testCard, useMerchantRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'

const h = useMerchantRails()

async function failure(promise: Promise<unknown>): Promise<EcnyError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: EcnyError) => error,
  )
}

describe('points from the campaign console (client.campaigns.points)', () => {
  it('reads a wallet’s balance and ledger, corrects it with a reason, and changes the rules', async () => {
    h.rails.clock.set('2025-05-05T10:00:00+08:00') // a Monday
    const walletId = h.fundedWallet(10_000)
    const points = h.clientWith({ now: () => h.rails.clock.now() }).campaigns.points

    expect(await points.rules()).toEqual({
      newWallet: 500,
      perTransfer: 5,
      perTopUp: 5,
      creditAfterWorkingDays: 3,
      validForDays: 365,
      redemptionsPerDay: 3,
      fenPerPoint: 1,
    })
    expect(await points.get({ walletId })).toMatchObject({ walletId, balance: 0, pending: 505 })

    const adjusted = await points.adjust({ walletId, points: -600, reason: 'duplicate accrual, ticket 1234' })
    expect(adjusted).toMatchObject({
      kind: 'adjustment',
      points: -600,
      status: 'credited',
      reason: 'duplicate accrual, ticket 1234',
    })
    expect(await points.get({ walletId })).toMatchObject({ balance: -600, pending: 505 })

    const page = await points.entries({ walletId, limit: 2 })
    expect(page.data.map((entry) => entry.kind)).toEqual(['adjustment', 'top_up'])
    const rest = await points.entries({ walletId, cursor: page.nextCursor! })
    expect(rest).toMatchObject({ data: [{ kind: 'new_wallet', points: 500 }], nextCursor: null })

    // Credited Friday 00:00: the 505 pay back the 600 taken first.
    h.rails.clock.set('2025-05-09T00:00:00+08:00')
    expect(await points.get({ walletId })).toMatchObject({ balance: -95, pending: 0, nextExpiry: null })

    expect(await points.updateRules({ perTopUp: 20, creditAfterWorkingDays: 0 })).toMatchObject({
      perTopUp: 20,
      creditAfterWorkingDays: 0,
    })
    h.rails.engine.topUp(walletId, { amount: 100, bankCard: testCard })
    expect(await points.get({ walletId })).toMatchObject({ balance: -75, pending: 0 })
  })

  it('refuses bad input locally and an unknown wallet on the gateway', async () => {
    const points = h.client.campaigns.points
    const zero = await failure(points.adjust({ walletId: '0099000000000001', points: 0, reason: 'x' }))
    expect(zero.code).toBe('invalid_request')
    const missing = await failure(points.get({ walletId: '0099999999999999' }))
    expect(missing.code).toBe('not_found')
  })
  it('funds the programme, and reads it and the orders points paid part of', async () => {
    const client = h.clientWith({ now: () => h.rails.clock.now() })
    const points = client.campaigns.points
    expect(await points.fund()).toMatchObject({
      account: 'points:fund',
      balance: 0,
      reserved: 0,
      available: 0,
      deposited: 0,
    })
    expect(await points.deposit({ amount: 5_000 })).toMatchObject({ balance: 5_000, available: 5_000 })
    const walletId = h.fundedWallet(10_000)
    await points.adjust({ walletId, points: 1_000, reason: 'welcome' })

    const order = await client.orders.create({
      mode: 'qr',
      merchantOrderNo: 'PF-1',
      amount: 3_000,
      description: 'Goods',
    })
    h.rails.campaigns.points.redeem(walletId, { orderId: order.id, points: 800 })
    expect(await points.fund()).toMatchObject({ reserved: 800, available: 4_200 })
    expect(await client.orders.get({ orderId: order.id })).toMatchObject({
      amount: 3_000,
      amountDue: 2_200,
      pointsRedeemed: { walletId, points: 800, value: 800, status: 'held' },
    })
    h.rails.engine.payOrder(order.id, { walletId })
    expect(await client.orders.get({ orderId: order.id })).toMatchObject({
      paidAmount: 2_200,
      pointsRedeemed: { status: 'applied' },
    })
    const refund = await client.refunds.create({
      orderId: order.id,
      merchantRefundNo: 'PFR-1',
      amount: 3_000,
    })
    expect(refund).toMatchObject({ status: 'succeeded', pointsReturned: { points: 800, value: 800 } })
    expect(await points.fund()).toMatchObject({ balance: 5_000, paidOut: 800, returned: 800 })
    expect(h.rails.ledger.verify()).toMatchObject({ ok: true, total: 0 })

    const refused = await failure(points.deposit({ amount: 0 }))
    expect(refused.code).toBe('invalid_request')
  })
})

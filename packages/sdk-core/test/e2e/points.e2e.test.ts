import type { CampaignHooks } from '@ecny/mock-rails'
import { createQrOrder, testCard, useWalletRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import { type EcnyError, getPoints, listPointsEntries, redeemPoints } from '../../src/index.js'

// Orders of `pt07` campaign: the payer earns 800 points (PT07) on every payment.
const campaignHooks: CampaignHooks = {
  onTransfer: () => ({ granted: false, reason: 'campaign_not_found' }),
  quoteOrderBenefit: () => ({ campaignId: 'cmp_pt07', claimId: null, discount: 0, points: 800 }),
  applyOrderBenefit: ({ quote }) => ({
    campaignId: quote.campaignId,
    claimId: 'clm_pt07',
    amount: 0,
    points: quote.points,
    clawedBack: 0,
  }),
  refundClawback: () => 0,
}
const h = useWalletRails({ campaignHooks })
const day = 86_400_000

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

async function paid(walletId: string, amount: number) {
  const order = createQrOrder(h, amount)
  await h.client.payments.pay({ orderId: order.id, walletId })
  return order.id
}

describe('points ledger from the wallet side', () => {
  it('earns 500 for a new wallet and 5 per top-up and per transfer, once a day each, pending 3 working days', async () => {
    h.setClock('2025-05-02T10:00:00+08:00') // a Friday
    const walletId = await h.openFunded(10_000) // opened, then one top-up
    const to = await h.openFunded(0)
    await h.client.wallets.topUp({ walletId, amount: 1_000, bankCard: testCard })
    await h.client.transfers.create({ fromWalletId: walletId, toWalletId: to, amount: 100 })
    await h.client.transfers.create({ fromWalletId: walletId, toWalletId: to, amount: 100 })

    expect(await getPoints(h.client, { walletId })).toMatchObject({ balance: 0, pending: 510 })
    const kinds = (await entries(walletId)).map((entry) => [entry.kind, entry.points, entry.status])
    expect(kinds).toEqual([
      ['transfer', 5, 'pending'],
      ['top_up', 5, 'pending'],
      ['new_wallet', 500, 'pending'],
    ])
    const [first] = await entries(walletId)
    // Friday → Mon, Tue, Wed pass → credited Thursday 00:00 Shanghai.
    expect(first!.creditAt).toBe('2025-05-08T00:00:00.000+08:00')

    h.setClock('2025-05-07T23:59:00+08:00')
    expect(await getPoints(h.client, { walletId })).toMatchObject({ balance: 0, pending: 510 })
    h.setClock('2025-05-08T00:00:00+08:00')
    expect(await getPoints(h.client, { walletId })).toMatchObject({ balance: 510, pending: 0 })

    // A new day: top-up and transfer earn again.
    await h.client.wallets.topUp({ walletId, amount: 1_000, bankCard: testCard })
    await h.client.transfers.create({ fromWalletId: walletId, toWalletId: to, amount: 100 })
    expect(await getPoints(h.client, { walletId })).toMatchObject({ balance: 510, pending: 10 })
  })

  it('expires what is left of credited points after a year', async () => {
    h.setClock('2025-05-05T10:00:00+08:00') // a Monday → credited Fri 9 May
    const walletId = await h.openFunded(10_000)
    h.setClock('2025-05-09T00:00:00+08:00')
    const balance = await getPoints(h.client, { walletId })
    expect(balance).toMatchObject({ balance: 505, nextExpiry: { points: 500 } })
    h.advance(365 * day)
    expect(await getPoints(h.client, { walletId })).toMatchObject({ balance: 0, nextExpiry: null })
    const expiries = (await entries(walletId)).filter((entry) => entry.kind === 'expiry')
    expect(expiries.map((entry) => entry.points).sort()).toEqual([-5, -500])
  })

  it('a refund after the points were spent leaves a negative balance, which blocks redemption', async () => {
    h.setClock('2025-05-05T10:00:00+08:00')
    const walletId = await h.openFunded(50_000)
    const earning = await paid(walletId, 10_000) // +800 PT07
    h.setClock('2025-05-12T09:00:00+08:00') // all credited: 500 + 5 + 800
    expect(await getPoints(h.client, { walletId })).toMatchObject({ balance: 1_305 })
    h.rails.campaigns.points.deposit({ amount: 10_000 })
    const spending = createQrOrder(h, 20_000)
    await redeemPoints(h.client, { walletId, orderId: spending.id, points: 1_305 })
    await h.client.payments.pay({ orderId: spending.id, walletId }) // +800 pending
    h.rails.engine.createRefund(earning, { merchantRefundNo: 'R-2', amount: 10_000 })

    expect(await getPoints(h.client, { walletId })).toMatchObject({ balance: -800 })
    const reversal = (await entries(walletId)).find((entry) => entry.kind === 'reversal')!
    expect(reversal).toMatchObject({ points: -800, orderId: earning, reason: 'refund', status: 'credited' })
    const next = createQrOrder(h, 1_000)
    const blocked = await rejection(redeemPoints(h.client, { walletId, orderId: next.id, points: 1 }))
    expect(blocked.code).toBe('points_balance_negative')
    expect(blocked.details).toMatchObject({ balance: -800 })
  })

  it('a partial refund takes back points in proportion', async () => {
    h.setClock('2025-05-05T10:00:00+08:00')
    const walletId = await h.openFunded(50_000)
    const orderId = await paid(walletId, 10_000)
    h.rails.engine.createRefund(orderId, { merchantRefundNo: 'R-3', amount: 2_500 })
    h.rails.engine.createRefund(orderId, { merchantRefundNo: 'R-4', amount: 2_500 })
    const reversals = (await entries(walletId)).filter((entry) => entry.kind === 'reversal')
    expect(reversals.map((entry) => entry.points)).toEqual([-200, -200])
  })
})

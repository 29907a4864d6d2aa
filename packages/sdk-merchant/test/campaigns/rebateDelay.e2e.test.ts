/**
 * A 满减 rebate's payout delay (`rebate.delayDays`, a campaign setting: the sources give no delay, so
 * the default is 0, paid at once), through `@ecny/sdk-merchant` against the rails: pending until the
 * rails clock passes `delayDays` after payment, then paid into the wallet; a refund before then
 * cancels it. Every step checks that stats agree with the budget account and the ledger balances.
 */
import type { CampaignRuleInput } from '@ecny/sdk-core'
import { computeUsccCheckChar } from '@ecny/sdk-core/internal'
import { useMerchantRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'

const h = useMerchantRails()
/** The client on the rails' clock, so signatures stay fresh while the test moves days ahead. */
const client = () => h.clientWith({ now: () => h.rails.clock.now() })
const day = 86_400_000
const minute = 60_000

type Pt03 = Extract<CampaignRuleInput, { type: 'PT03' }>
function rule(extra: Partial<Pt03> = {}, days = 30): Pt03 {
  const now = h.rails.clock.now()
  return {
    type: 'PT03',
    name: '满5减4',
    tiers: [{ threshold: 500, discount: 400 }],
    rebate: { delayDays: 7 },
    budget: { amount: 100_000 },
    validity: { from: new Date(now - 3_600_000).toISOString(), to: new Date(now + days * day).toISOString() },
    ...extra,
  }
}

function organiser(): string {
  const first17 = '91310000MA1K00006'
  const wallet = h.rails.engine.openWallet({
    type: 'WT09',
    entity: { legalName: '模拟银行', uscc: `${first17}${computeUsccCheckChar(first17)}` },
    settlementAccount: { accountNo: '6100000000006666', accountName: '模拟银行' },
  })
  h.rails.engine.topUp(wallet.id, { amount: 10_000_000 })
  return wallet.id
}

async function launch(campaignRule: CampaignRuleInput) {
  const organiserWalletId = organiser()
  const campaign = await client().campaigns.create({ organiserWalletId, rule: campaignRule })
  await client().campaigns.schedule({ campaignId: campaign.id })
  return { campaignId: campaign.id, organiserWalletId }
}

let orders = 0
async function pay(walletId: string, amount: number) {
  const order = await client().orders.create({
    mode: 'qr',
    merchantOrderNo: `RD-${++orders}`,
    amount,
    description: 'Goods',
  })
  h.rails.engine.payOrder(order.id, { walletId })
  return client().orders.get({ orderId: order.id })
}

let refunds = 0
const refund = (orderId: string, amount: number) =>
  client().refunds.create({ orderId, merchantRefundNo: `RDR-${++refunds}`, amount })

async function expectConserved(campaignId: string) {
  const stats = await client().campaigns.stats({ campaignId })
  const { amount } = stats
  const balance = h.rails.ledger.balanceOf(`campaign:${campaignId}`)
  expect(amount.funded - amount.paidOut + amount.clawedBack - amount.released).toBe(balance)
  expect(stats.budget.available).toBe(stats.budget.remaining - stats.budget.reserved)
  expect(h.rails.ledger.verify()).toMatchObject({ ok: true, total: 0 })
  return stats
}

const claimOf = async (campaignId: string, walletId: string) =>
  (await client().campaigns.claims({ campaignId, walletId })).data[0]!

describe('rebate.delayDays: the rebate waits on the rails clock', () => {
  it('pending for 7 days (reserved in the budget, shown in stats and claims), then paid into the wallet', async () => {
    const { campaignId } = await launch(rule())
    expect((await client().campaigns.get({ campaignId })).rule).toMatchObject({
      rebate: { perDay: 1, perMonth: 4, delayDays: 7 },
    })
    const payer = h.fundedWallet(20_000)
    const paidAt = h.rails.clock.now()
    const order = await pay(payer, 1_000)
    const dueAt = new Date(paidAt + 7 * day)
    expect(order).toMatchObject({
      paidAmount: 1_000,
      benefit: { amount: 0, rebate: true, rebateStatus: 'pending', rebateAmount: 400 },
    })
    expect(Date.parse(order.benefit!.rebateDueAt as string)).toBe(dueAt.getTime())
    expect(h.balanceOf(payer)).toBe(19_000)
    const pending = await expectConserved(campaignId)
    expect(pending).toMatchObject({
      claims: { rebatesPending: 1, rebatesCancelled: 0 },
      amount: { rebatePending: 400, rebated: 0, paidOut: 0 },
      budget: { reserved: 400, available: 100_000 - 400 },
    })
    expect(await claimOf(campaignId, payer)).toMatchObject({
      status: 'redeemed',
      amount: 400,
      rebate: { status: 'pending', amount: 400, settledAt: null },
    })

    h.rails.clock.advance(7 * day - minute)
    expect(h.balanceOf(payer)).toBe(19_000)
    expect((await expectConserved(campaignId)).amount.rebatePending).toBe(400)

    h.rails.clock.advance(minute)
    expect(h.balanceOf(payer)).toBe(19_400)
    expect(await client().orders.get({ orderId: order.id })).toMatchObject({
      paidAmount: 600,
      benefit: { amount: 400, rebateStatus: 'paid' },
    })
    const paid = await expectConserved(campaignId)
    expect(paid).toMatchObject({
      claims: { rebatesPending: 0 },
      amount: { rebatePending: 0, rebated: 400, paidOut: 400 },
      budget: { reserved: 0 },
    })
    const claim = await claimOf(campaignId, payer)
    expect(claim.rebate).toMatchObject({ status: 'paid' })
    expect(Date.parse(claim.rebate!.settledAt as string)).toBe(dueAt.getTime())
    const history = h.rails.engine.listTransactions(payer).data
    expect(history.map((line) => [line.kind, line.amount])).toContainEqual(['reward', 400])
  })

  it('a refund before the payout cancels it: the wallet gets its money back in full, the budget keeps the rebate', async () => {
    const { campaignId } = await launch(rule())
    const payer = h.fundedWallet(20_000)
    const order = await pay(payer, 1_000)
    expect(await refund(order.id, 100)).toMatchObject({ status: 'succeeded', benefitClawback: 0 })
    expect(h.balanceOf(payer)).toBe(19_100)
    expect(await client().orders.get({ orderId: order.id })).toMatchObject({
      benefit: { amount: 0, rebateStatus: 'cancelled', rebateAmount: 400 },
    })
    const cancelled = await expectConserved(campaignId)
    expect(cancelled).toMatchObject({
      claims: { rebatesPending: 0, rebatesCancelled: 1 },
      amount: { rebatePending: 0, rebateCancelled: 400, paidOut: 0 },
      budget: { reserved: 0, available: 100_000 },
    })
    expect((await claimOf(campaignId, payer)).rebate).toMatchObject({ status: 'cancelled' })

    h.rails.clock.advance(8 * day)
    expect(h.balanceOf(payer)).toBe(19_100)
    expect(await refund(order.id, 900)).toMatchObject({ benefitClawback: 0 })
    expect(h.balanceOf(payer)).toBe(20_000)
    expect(await client().orders.get({ orderId: order.id })).toMatchObject({ status: 'refunded' })
    expect((await expectConserved(campaignId)).amount.rebated).toBe(0)
  })

  it('a refund after the payout takes the rebate back under the refund policy, as without a delay', async () => {
    const { campaignId } = await launch(rule({ refundPolicy: 'CRP02' }))
    const payer = h.fundedWallet(20_000)
    const order = await pay(payer, 1_000)
    h.rails.clock.advance(7 * day)
    expect(h.balanceOf(payer)).toBe(19_400)
    expect(await refund(order.id, 500)).toMatchObject({ benefitClawback: 200 })
    expect(await refund(order.id, 500)).toMatchObject({ benefitClawback: 200 })
    expect(h.balanceOf(payer)).toBe(20_000)
    expect((await expectConserved(campaignId)).amount).toMatchObject({ rebated: 400, clawedBack: 400 })
  })

  it('the campaign ends first: the budget keeps the pending rebate, pays it when due, releases the rest', async () => {
    const { campaignId, organiserWalletId } = await launch(rule({}, 3))
    const payer = h.fundedWallet(20_000)
    const organiserBefore = h.balanceOf(organiserWalletId)
    await pay(payer, 1_000)
    const other = h.fundedWallet(20_000)
    const refunded = await pay(other, 2_000)

    h.rails.clock.advance(4 * day)
    const ended = await expectConserved(campaignId)
    expect(ended).toMatchObject({ status: 'ended', budget: { reserved: 800 }, amount: { remaining: 800 } })
    expect(h.balanceOf(organiserWalletId)).toBe(organiserBefore + 100_000 - 800)

    // Cancelled after the end: its fen go on to the organiser.
    await refund(refunded.id, 2_000)
    expect(h.balanceOf(organiserWalletId)).toBe(organiserBefore + 100_000 - 400)
    h.rails.clock.advance(4 * day)
    expect(h.balanceOf(payer)).toBe(19_400)
    const settled = await expectConserved(campaignId)
    expect(settled.amount).toMatchObject({ remaining: 0, rebated: 400, rebateCancelled: 400 })
  })

  it('defaults to 0 days (paid at once) and refuses a delay that is not whole days from 0 to 365, locally', async () => {
    const { campaignId, organiserWalletId } = await launch(rule({ rebate: {} }))
    expect((await client().campaigns.get({ campaignId })).rule).toMatchObject({ rebate: { delayDays: 0 } })
    const payer = h.fundedWallet(20_000)
    expect(await pay(payer, 1_000)).toMatchObject({
      paidAmount: 600,
      benefit: { amount: 400, rebateStatus: 'paid' },
    })
    for (const delayDays of [-1, 1.5, 366]) {
      const error = await client()
        .campaigns.create({ organiserWalletId, rule: rule({ rebate: { delayDays } }) })
        .catch((caught: unknown) => caught)
      expect(error).toMatchObject({ code: 'invalid_request' })
      expect((error as Error).message).toContain('delayDays')
    }
  })
})

/**
 * Benefits on refund as real campaigns run them (DOMAIN.md §7, BOC Suzhou 2022 and BoCom Chengdu
 * 2021), through `@ecny/sdk-merchant` against the rails: the holder's own money first, a still-valid
 * red envelope back to its holder (recovered by the campaign at expiry), and 满减 rebates paid into
 * the wallet after payment with per-day and per-month caps. Every step checks that the campaign's
 * stats agree with its ledger account and that the ledger balances.
 */
import type { CampaignRuleInput } from '@ecny/sdk-core'
import { computeUsccCheckChar } from '@ecny/sdk-core/internal'
import { type MerchantHarness, useMerchantRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'

const h = useMerchantRails()
/** The client on the rails' clock, so signatures stay fresh while the test moves days ahead. */
const client = () => h.clientWith({ now: () => h.rails.clock.now() })
const day = 86_400_000

function window(harness: MerchantHarness, days = 30) {
  const now = harness.rails.clock.now()
  return { from: new Date(now - 3_600_000).toISOString(), to: new Date(now + days * day).toISOString() }
}

function organiser(harness: MerchantHarness): string {
  const first17 = '91310000MA1K00005'
  const wallet = harness.rails.engine.openWallet({
    type: 'WT09',
    entity: { legalName: '模拟银行', uscc: `${first17}${computeUsccCheckChar(first17)}` },
    settlementAccount: { accountNo: '6100000000005555', accountName: '模拟银行' },
  })
  harness.rails.engine.topUp(wallet.id, { amount: 10_000_000 })
  return wallet.id
}

async function launch(rule: CampaignRuleInput) {
  const campaign = await client().campaigns.create({ organiserWalletId: organiser(h), rule })
  await client().campaigns.schedule({ campaignId: campaign.id })
  return campaign.id
}

let orders = 0
async function pay(walletId: string, amount: number, campaignId?: string) {
  const order = await client().orders.create({
    mode: 'qr',
    merchantOrderNo: `BR-${++orders}`,
    amount,
    description: 'Goods',
  })
  h.rails.engine.payOrder(order.id, { walletId, ...(campaignId && { campaignId }) })
  return client().orders.get({ orderId: order.id })
}

let refunds = 0
async function refund(orderId: string, amount: number) {
  return client().refunds.create({ orderId, merchantRefundNo: `BRR-${++refunds}`, amount })
}

/** Stats agree with the budget account; the ledger balances. */
async function expectConserved(campaignId: string) {
  const stats = await client().campaigns.stats({ campaignId })
  const { amount } = stats
  const balance = h.rails.ledger.balanceOf(`campaign:${campaignId}`)
  expect(amount.funded - amount.paidOut + amount.clawedBack - amount.released).toBe(balance)
  expect(stats.ledger.balance).toBe(balance)
  expect(stats.budget.available).toBe(stats.budget.remaining - stats.budget.reserved)
  expect(h.rails.ledger.verify()).toMatchObject({ ok: true, total: 0 })
  return stats
}

describe("holderMoneyFirst: a refund returns the holder's own money before any benefit", () => {
  for (const refundPolicy of ['CRP01', 'CRP02'] as const) {
    it(`${refundPolicy}: ¥100 order, ¥20 off, ¥80 paid; refunds of ¥40, ¥40, ¥20`, async () => {
      const campaignId = await launch({
        type: 'PT04',
        amount: 2_000,
        refundPolicy,
        holderMoneyFirst: true,
        budget: { count: 5 },
        validity: window(h),
      })
      const payer = h.fundedWallet(20_000)
      const order = await pay(payer, 10_000)
      expect(order).toMatchObject({ paidAmount: 8_000, benefit: { amount: 2_000 } })
      const budget = h.rails.ledger.balanceOf(`campaign:${campaignId}`)
      for (const [amount, clawback] of [
        [4_000, 0],
        [4_000, 0],
        [2_000, 2_000],
      ] as const) {
        expect(await refund(order.id, amount)).toMatchObject({
          status: 'succeeded',
          benefitClawback: clawback,
        })
        await expectConserved(campaignId)
      }
      expect(h.balanceOf(payer)).toBe(20_000)
      expect(h.rails.ledger.balanceOf(`campaign:${campaignId}`)).toBe(budget + 2_000)
      expect(await client().orders.get({ orderId: order.id })).toMatchObject({ status: 'refunded' })
    })
  }

  it('a refund beyond the cash left takes back only the excess', async () => {
    const campaignId = await launch({
      type: 'PT04',
      amount: 2_000,
      refundPolicy: 'CRP01',
      holderMoneyFirst: true,
      budget: { count: 5 },
      validity: window(h),
    })
    const payer = h.fundedWallet(20_000)
    const order = await pay(payer, 10_000)
    expect(await refund(order.id, 9_000)).toMatchObject({ benefitClawback: 1_000 })
    expect(h.balanceOf(payer)).toBe(20_000)
    await expectConserved(campaignId)
  })

  it('is refused when it is not a boolean, locally', async () => {
    const error = await client()
      .campaigns.create({
        organiserWalletId: organiser(h),
        rule: {
          type: 'PT04',
          amount: 100,
          holderMoneyFirst: 'yes' as never,
          budget: { count: 1 },
          validity: window(h),
        },
      })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'invalid_request' })
    expect((error as Error).message).toContain('holderMoneyFirst')
  })
})

describe("refundTo: 'holder': a still-valid red envelope goes back to its holder", () => {
  async function envelopeOrder() {
    const campaignId = await launch({
      type: 'PT01',
      amount: 2_000,
      refundTo: 'holder',
      refundPolicy: 'CRP02',
      budget: { count: 10 },
      validity: window(h, 10),
    })
    const holder = h.fundedWallet(20_000)
    const envelope = h.rails.campaigns.claim(campaignId, { walletId: holder })
    const order = await pay(holder, 10_000, campaignId)
    expect(order).toMatchObject({ paidAmount: 8_000, benefit: { claimId: envelope.id, amount: 2_000 } })
    return { campaignId, holder, envelope, order }
  }

  it('a full refund returns the cash to the wallet and the envelope to the holder, held again', async () => {
    const { campaignId, holder, envelope, order } = await envelopeOrder()
    const organiserFunds = await expectConserved(campaignId)
    expect(await refund(order.id, 10_000)).toMatchObject({ status: 'succeeded', benefitClawback: 2_000 })
    expect(h.balanceOf(holder)).toBe(20_000)
    const held = await client().campaigns.claims({ campaignId, walletId: holder, status: 'granted' })
    expect(held.data).toMatchObject([{ amount: 2_000, returnedFrom: envelope.id }])
    const stats = await expectConserved(campaignId)
    expect(stats).toMatchObject({
      claims: { returned: 1, held: 1, redeemed: 1 },
      amount: { returnedToHolders: 2_000, clawedBack: 2_000 },
      budget: { reserved: 2_000 },
    })
    // The budget holds the envelope for the holder: nothing new may use it.
    expect(stats.budget.available).toBe(organiserFunds.budget.available)

    // The holder spends it again.
    const again = await pay(holder, 5_000, campaignId)
    expect(again).toMatchObject({ paidAmount: 3_000, benefit: { amount: 2_000 } })
    expect((await expectConserved(campaignId)).claims).toMatchObject({ held: 0, returned: 1 })
  })

  it('a partial refund returns the pro-rata part of the envelope; the budget recovers it at expiry', async () => {
    const { campaignId, holder, order } = await envelopeOrder()
    expect(await refund(order.id, 5_000)).toMatchObject({ benefitClawback: 1_000 })
    expect(h.balanceOf(holder)).toBe(12_000 + 4_000)
    expect((await expectConserved(campaignId)).budget.reserved).toBe(1_000)

    // The rails clock passes the campaign's end: the returned envelope expires, the budget recovers
    // it and, the campaign being over, releases what is left to the organiser.
    h.rails.clock.advance(11 * day)
    const stats = await client().campaigns.stats({ campaignId })
    expect(stats).toMatchObject({ status: 'ended', claims: { held: 0, expired: 1 }, budget: { reserved: 0 } })
    const ended = await expectConserved(campaignId)
    expect(ended.amount.remaining).toBe(0)
    const claims = await client().campaigns.claims({ campaignId, walletId: holder, status: 'expired' })
    expect(claims.data).toHaveLength(1)

    // After expiry a refund's clawback no longer goes to the holder (the campaign has it).
    const rest = await refund(order.id, 5_000)
    expect(rest).toMatchObject({ status: 'succeeded', benefitClawback: 1_000 })
    expect((await expectConserved(campaignId)).claims).toMatchObject({ returned: 1, held: 0 })
  })

  it("with the default (refundTo: 'campaign') the envelope goes back to the budget", async () => {
    const campaignId = await launch({
      type: 'PT01',
      amount: 2_000,
      budget: { count: 10 },
      validity: window(h),
    })
    const holder = h.fundedWallet(20_000)
    h.rails.campaigns.claim(campaignId, { walletId: holder })
    const order = await pay(holder, 10_000, campaignId)
    await refund(order.id, 10_000)
    const stats = await expectConserved(campaignId)
    expect(stats).toMatchObject({ claims: { returned: 0, held: 0 }, amount: { returnedToHolders: 0 } })
    expect((await client().campaigns.get({ campaignId })).rule).not.toHaveProperty('refundTo')
  })
})

describe('rebate: 满减 paid back into the wallet after payment (BoCom Chengdu 2021, 满5减4)', () => {
  type Pt03 = Extract<CampaignRuleInput, { type: 'PT03' }>
  const rule = (extra: Partial<Pt03> = {}): Pt03 => ({
    type: 'PT03',
    name: '满5减4',
    tiers: [{ threshold: 500, discount: 400 }],
    rebate: {},
    budget: { amount: 100_000 },
    validity: window(h),
    ...extra,
  })

  it('the wallet pays in full, the budget pays the rebate into it; at most 1 a day and 4 a month by default', async () => {
    const campaignId = await launch(rule())
    expect((await client().campaigns.get({ campaignId })).rule).toMatchObject({
      rebate: { perDay: 1, perMonth: 4 },
    })
    const payer = h.fundedWallet(20_000)
    const merchantWallet = h.rails.merchants.get(h.merchantId)!.settlementWalletId!
    const merchantBefore = h.balanceOf(merchantWallet)
    const first = await pay(payer, 1_000)
    expect(first).toMatchObject({ paidAmount: 600, benefit: { amount: 400, rebate: true } })
    expect(h.balanceOf(payer)).toBe(20_000 - 600)
    expect(h.balanceOf(merchantWallet)).toBe(merchantBefore + 1_000)
    const history = h.rails.engine.listTransactions(payer).data
    expect(history.map((line) => [line.kind, line.amount])).toEqual(
      expect.arrayContaining([
        ['payment', 1_000],
        ['reward', 400],
      ]),
    )
    // A second order the same day: no rebate (perDay 1).
    expect(await pay(payer, 1_000)).toMatchObject({ paidAmount: 1_000, benefit: null })
    for (let i = 0; i < 3; i++) {
      h.rails.clock.advance(day)
      expect(await pay(payer, 1_000)).toMatchObject({ benefit: { rebate: true } })
    }
    h.rails.clock.advance(day)
    // Four this month (unless the days crossed into a new month).
    const fifth = await pay(payer, 1_000)
    const sameMonth =
      new Date(h.rails.clock.now() + 8 * 3_600_000).getUTCMonth() ===
      new Date(h.rails.clock.now() - 4 * day + 8 * 3_600_000).getUTCMonth()
    if (sameMonth) expect(fifth.benefit).toBeNull()
    const stats = await expectConserved(campaignId)
    expect(stats.amount.rebated).toBe(sameMonth ? 1_600 : 2_000)
    expect(stats.amount.paidOut).toBe(stats.amount.rebated)
  })

  it('caps are settings; a refund reverses the rebate per the refund policy', async () => {
    const campaignId = await launch(rule({ rebate: { perDay: 2, perMonth: 10 }, refundPolicy: 'CRP02' }))
    const payer = h.fundedWallet(20_000)
    const a = await pay(payer, 1_000)
    const b = await pay(payer, 2_000)
    expect([a.benefit?.rebate, b.benefit?.rebate]).toEqual([true, true])
    expect((await pay(payer, 1_000)).benefit).toBeNull()
    expect(h.balanceOf(payer)).toBe(20_000 - 600 - 1_600 - 1_000)

    // Half of order b: CRP02 takes back half its rebate; the wallet gets 1000 − 200.
    expect(await refund(b.id, 1_000)).toMatchObject({ status: 'succeeded', benefitClawback: 200 })
    expect(await refund(b.id, 1_000)).toMatchObject({ benefitClawback: 200 })
    expect(h.balanceOf(payer)).toBe(20_000 - 600 - 1_000)
    const stats = await expectConserved(campaignId)
    expect(stats.amount).toMatchObject({ rebated: 800, clawedBack: 400, spent: 400 })
  })

  it('holderMoneyFirst applies to rebates too', async () => {
    const campaignId = await launch(rule({ holderMoneyFirst: true, refundPolicy: 'CRP02' }))
    const payer = h.fundedWallet(20_000)
    const order = await pay(payer, 1_000)
    expect(await refund(order.id, 600)).toMatchObject({ benefitClawback: 0 })
    expect(await refund(order.id, 400)).toMatchObject({ benefitClawback: 400 })
    expect(h.balanceOf(payer)).toBe(20_000)
    await expectConserved(campaignId)
  })

  it('a rebate with a lottery is refused locally', async () => {
    const error = await client()
      .campaigns.create({
        organiserWalletId: organiser(h),
        rule: rule({ allocation: 'lottery', budget: { count: 2 } }),
      })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'invalid_request' })
    expect((error as Error).message).toContain('rebate')
  })
})

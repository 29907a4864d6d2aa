import { benefitFor, type OrderBenefitRule, parseCampaignRule, splitRedEnvelope } from '@ecny/sdk-core'
import { describe, expect, it } from 'vitest'
import { campaignRig, refusal, validity } from './campaignFixtures.js'

/** Pays `amount` and checks the three sides of the ledger: wallet, merchant, budget. */
function payAndCheck(
  rig: ReturnType<typeof campaignRig>,
  campaignId: string,
  walletId: string,
  amount: number,
  discount: number,
) {
  const merchantWallet = rig.merchant.settlementWalletId!
  const before = {
    wallet: rig.balance(walletId),
    merchant: rig.balance(merchantWallet),
    budget: rig.budget(campaignId),
  }
  const order = rig.pay(walletId, amount)
  expect(order).toMatchObject({ status: 'succeeded', amount, paidAmount: amount - discount })
  if (discount > 0) expect(order.benefit).toMatchObject({ campaignId, amount: discount })
  expect(rig.balance(walletId)).toBe(before.wallet - (amount - discount))
  expect(rig.balance(merchantWallet)).toBe(before.merchant + amount)
  expect(rig.budget(campaignId)).toBe(before.budget - discount)
  rig.expectConsistent(campaignId)
  return order
}

describe('order benefits through the rails (ledger exact in fen)', () => {
  it('PT03 满减: the best tier reached applies; below the lowest tier nothing does', () => {
    const rig = campaignRig()
    const tiers = [
      { threshold: 4_000, discount: 1_000 },
      { threshold: 8_000, discount: 2_000 },
      { threshold: 20_000, discount: 5_000 },
    ]
    const campaign = rig.launch({ type: 'PT03', name: '满40减10', tiers, budget: { amount: 1_000_000 } })
    expect(campaign).toMatchObject({ status: 'active', budget: { funded: 1_000_000, remaining: 1_000_000 } })
    const wallet = rig.wallet()
    payAndCheck(rig, campaign.id, wallet, 9_900, 2_000)
    payAndCheck(rig, campaign.id, wallet, 4_000, 1_000)
    payAndCheck(rig, campaign.id, wallet, 20_000, 5_000)
    const none = payAndCheck(rig, campaign.id, wallet, 3_999, 0)
    expect(none.benefit).toBeNull()
    expect(rig.campaigns.stats(campaign.id)).toMatchObject({
      reach: 1,
      claims: { granted: 3, redeemed: 3 },
      amount: { paidOut: 8_000, spent: 8_000 },
    })
  })

  it('PT02 voucher: claimed first (money reserved), used on an order over the minimum spend', () => {
    const rig = campaignRig()
    const campaign = rig.launch({ type: 'PT02', faceValue: 5_000, minSpend: 10_000, budget: { count: 3 } })
    expect(campaign.budget).toMatchObject({ amount: 15_000, count: 3 })
    const wallet = rig.wallet()
    const claim = rig.campaigns.claim(campaign.id, { walletId: wallet })
    expect(claim).toMatchObject({
      status: 'granted',
      amount: 5_000,
      orderId: null,
      expiresAt: '2025-05-01T00:00:00.000+08:00',
    })
    expect(rig.campaigns.stats(campaign.id).budget).toMatchObject({ reserved: 5_000, available: 10_000 })
    payAndCheck(rig, campaign.id, wallet, 9_999, 0) // below the minimum spend: voucher kept
    const order = payAndCheck(rig, campaign.id, wallet, 12_000, 5_000)
    expect(order.benefit).toMatchObject({ claimId: claim.id })
    expect(rig.campaigns.getClaim(claim.id)).toMatchObject({
      status: 'redeemed',
      orderId: order.id,
      amount: 5_000,
    })
    expect(rig.campaigns.stats(campaign.id).budget).toMatchObject({ reserved: 0, remaining: 10_000 })
    payAndCheck(rig, campaign.id, wallet, 12_000, 0) // used once only
  })

  it('a benefit never makes an order free: the wallet pays at least 1 fen, the rest of a voucher returns to the budget', () => {
    const rig = campaignRig()
    const campaign = rig.launch({ type: 'PT02', faceValue: 5_000, budget: { count: 1 } })
    const wallet = rig.wallet()
    rig.campaigns.claim(campaign.id, { walletId: wallet })
    payAndCheck(rig, campaign.id, wallet, 3_000, 2_999)
    expect(rig.campaigns.stats(campaign.id).budget).toMatchObject({
      remaining: 2_001,
      reserved: 0,
      countUsed: 1,
    })
  })

  it('PT01 red envelopes: a fixed one, and a random split whose shares sum exactly to the total', () => {
    const rig = campaignRig()
    const fixed = rig.launch({ type: 'PT01', amount: 888, budget: { count: 10 } })
    const a = rig.wallet()
    rig.campaigns.claim(fixed.id, { walletId: a })
    payAndCheck(rig, fixed.id, a, 5_000, 888)

    const split = rig.launch({ type: 'PT01', split: { total: 10_000, count: 4 }, budget: { amount: 10_000 } })
    const shares = splitRedEnvelope(10_000, 4, `${split.id}/envelope`)
    const wallets = [rig.wallet(), rig.wallet(), rig.wallet(), rig.wallet()]
    const claims = wallets.map((walletId) => rig.campaigns.claim(split.id, { walletId }))
    expect(claims.map((claim) => claim.amount)).toEqual(shares)
    expect(refusal(() => rig.campaigns.claim(split.id, { walletId: rig.wallet() }))).toMatchObject({
      code: 'budget_exhausted',
    })
    for (const [i, walletId] of wallets.entries()) payAndCheck(rig, split.id, walletId, 20_000, shares[i]!)
    expect(rig.budget(split.id)).toBe(0)
    expect(rig.campaigns.stats(split.id)).toMatchObject({
      amount: { paidOut: 10_000 },
      reach: 4,
      budget: { exhausted: true },
    })
  })

  it('PT04 立减: fixed amount, or a percentage with a cap', () => {
    const rig = campaignRig()
    const fixed = rig.launch({ type: 'PT04', amount: 300, budget: { count: 1 } })
    payAndCheck(rig, fixed.id, rig.wallet(), 1_000, 300)
    rig.campaigns.end(fixed.id)
    const percent = rig.launch({ type: 'PT04', basisPoints: 1_500, cap: 500, budget: { amount: 5_000 } })
    payAndCheck(rig, percent.id, rig.wallet(), 2_001, 300) // ⌊2001 × 15 %⌋ = 300
    payAndCheck(rig, percent.id, rig.wallet(), 10_000, 500) // 1500 capped at 500
  })

  it('PT05 满折: basis points off from a threshold, floored to the fen', () => {
    const rig = campaignRig()
    const campaign = rig.launch({
      type: 'PT05',
      threshold: 10_000,
      basisPoints: 1_000,
      cap: 3_000,
      budget: { amount: 50_000 },
    })
    const wallet = rig.wallet()
    payAndCheck(rig, campaign.id, wallet, 12_345, 1_234)
    payAndCheck(rig, campaign.id, wallet, 9_999, 0)
    payAndCheck(rig, campaign.id, wallet, 50_000, 3_000)
  })

  it('PT06 random discount: seeded by the order id, within [min, max], what benefitFor says', () => {
    const rig = campaignRig()
    const input = { type: 'PT06', min: 100, max: 500, minSpend: 1_000, budget: { amount: 100_000 } } as const
    const campaign = rig.launch(input)
    const rule = parseCampaignRule({ ...input, validity }) as OrderBenefitRule
    const wallet = rig.wallet()
    for (let i = 0; i < 5; i++) {
      const order = rig.pay(wallet, 3_000)
      const expected = benefitFor(rule, { orderAmount: 3_000, seed: order.id }).discount
      expect(expected).toBeGreaterThanOrEqual(100)
      expect(expected).toBeLessThanOrEqual(500)
      expect(order).toMatchObject({ paidAmount: 3_000 - expected, benefit: { amount: expected } })
    }
    rig.expectConsistent(campaign.id)
  })

  it('PT07 points: no money moves, the wallet earns points', () => {
    const rig = campaignRig()
    const campaign = rig.launch({ type: 'PT07', points: 10, minSpend: 1_000, budget: { count: 100 } })
    expect(campaign.budget).toMatchObject({ amount: 0, funded: 0 })
    const wallet = rig.wallet()
    const order = payAndCheck(rig, campaign.id, wallet, 5_000, 0)
    expect(order.benefit).toMatchObject({ campaignId: campaign.id, amount: 0, points: 10 })
    payAndCheck(rig, campaign.id, wallet, 999, 0)
    expect(rig.campaigns.pointsOf(wallet)).toBe(10)
    expect(rig.campaigns.stats(campaign.id)).toMatchObject({ points: 10, reach: 1 })
  })

  it('designated merchants and scenes; the best of several benefits wins; a named campaign is used or refused', () => {
    const rig = campaignRig()
    const elsewhere = rig.launch({
      type: 'PT04',
      amount: 900,
      merchantIds: ['mch_other'],
      budget: { count: 5 },
    })
    const inScene = rig.launch({ type: 'PT04', amount: 800, sceneIds: ['scn_1'], budget: { count: 5 } })
    const anywhere = rig.launch({ type: 'PT04', amount: 100, budget: { count: 5 } })
    const wallet = rig.wallet()
    expect(rig.pay(wallet, 5_000).benefit).toMatchObject({ campaignId: anywhere.id, amount: 100 })
    expect(rig.pay(wallet, 5_000, { sceneId: 'scn_1' }).benefit).toMatchObject({
      campaignId: inScene.id,
      amount: 800,
    })
    expect(rig.pay(wallet, 5_000, { campaignId: anywhere.id, sceneId: 'scn_1' }).benefit).toMatchObject({
      campaignId: anywhere.id,
    })
    const before = rig.balance(wallet)
    expect(refusal(() => rig.pay(wallet, 5_000, { campaignId: elsewhere.id }))).toMatchObject({
      code: 'not_eligible',
      details: { reason: 'merchant' },
    })
    expect(rig.balance(wallet)).toBe(before) // nothing charged
    for (const c of [elsewhere, inScene, anywhere]) rig.expectConsistent(c.id)
  })

  it('a refused charge (caps, funds) leaves the campaign untouched', () => {
    const rig = campaignRig()
    const campaign = rig.launch({ type: 'PT04', amount: 500, budget: { count: 5 } })
    const poor = rig.wallet(1_000)
    expect(refusal(() => rig.pay(poor, 2_000))).toMatchObject({ code: 'insufficient_funds' })
    expect(rig.campaigns.stats(campaign.id)).toMatchObject({
      reach: 0,
      claims: { granted: 0 },
      amount: { paidOut: 0 },
    })
    // With 500 off, a 1400 order costs the wallet 900: within its funds.
    expect(rig.pay(poor, 1_400)).toMatchObject({ paidAmount: 900 })
    rig.expectConsistent(campaign.id)
  })
})

import type { RefundPolicy } from '@ecny/sdk-core'
import { describe, expect, it } from 'vitest'
import { campaignRig, refusal } from './campaignFixtures.js'

/** ¥100 order, ¥20 立减 from the campaign, ¥80 paid by the wallet; the merchant received ¥100. */
function paidWithBenefit(policy: RefundPolicy) {
  const rig = campaignRig()
  const campaign = rig.launch({ type: 'PT04', amount: 2_000, refundPolicy: policy, budget: { count: 10 } })
  const wallet = rig.wallet(50_000)
  const order = rig.pay(wallet, 10_000)
  expect(order).toMatchObject({ paidAmount: 8_000, benefit: { amount: 2_000 } })
  let n = 0
  const merchantWallet = rig.merchant.settlementWalletId!
  const refund = (amount: number) =>
    rig.engine.createRefund(order.id, { merchantRefundNo: `R-${++n}`, amount })
  /** Refunds `amount` and checks who got what: the wallet `amount − clawback`, the campaign `clawback`. */
  function step(amount: number, clawback: number) {
    const before = {
      wallet: rig.balance(wallet),
      merchant: rig.balance(merchantWallet),
      budget: rig.budget(campaign.id),
    }
    const made = refund(amount)
    expect(made).toMatchObject({ status: 'succeeded', amount, benefitClawback: clawback })
    expect(rig.balance(wallet)).toBe(before.wallet + amount - clawback)
    expect(rig.balance(merchantWallet)).toBe(before.merchant - amount)
    expect(rig.budget(campaign.id)).toBe(before.budget + clawback)
    rig.expectConsistent(campaign.id)
    return made
  }
  return { rig, campaign, wallet, order, refund, step }
}

describe('refunds claw back campaign benefits per the refund policy (CRP01–CRP04)', () => {
  it('CRP01: the benefit comes back first, then cash', () => {
    const t = paidWithBenefit('CRP01')
    t.step(1_500, 1_500) // all to the campaign
    t.step(3_500, 500) // the rest of the benefit, then 3000 cash
    t.step(5_000, 0)
    expect(t.rig.engine.getOrder(t.order.id)).toMatchObject({
      status: 'refunded',
      refundedAmount: 10_000,
      benefit: { clawedBack: 2_000 },
    })
    expect(t.rig.balance(t.wallet)).toBe(50_000)
    expect(t.rig.campaigns.stats(t.campaign.id).amount).toMatchObject({
      paidOut: 2_000,
      clawedBack: 2_000,
      spent: 0,
    })
  })

  it('CRP02: pro rata, floored for the customer; partial refunds add up to the benefit exactly', () => {
    const t = paidWithBenefit('CRP02')
    t.step(5_000, 1_000)
    t.step(2_501, 500) // ⌊2000 × 7501 ÷ 10000⌋ = 1500 in all
    expect(t.rig.engine.getOrder(t.order.id).status).toBe('partially_refunded')
    t.step(2_499, 500) // the full refund takes the rest
    expect(t.rig.engine.getOrder(t.order.id)).toMatchObject({
      status: 'refunded',
      benefit: { clawedBack: 2_000 },
    })
    expect(t.rig.balance(t.wallet)).toBe(50_000)
  })

  it('CRP03: nothing until the order is refunded in full; a partial refund may not return more than was paid', () => {
    const t = paidWithBenefit('CRP03')
    t.step(5_000, 0)
    expect(refusal(() => t.refund(4_000))).toMatchObject({
      code: 'refund_exceeds_paid',
      details: { policy: 'CRP03' },
    })
    t.step(5_000, 2_000)
    expect(t.rig.engine.getOrder(t.order.id).status).toBe('refunded')
    expect(t.rig.balance(t.wallet)).toBe(50_000)
  })

  it('CRP04: never: the wallet gets back what it paid, the benefit stays spent, the merchant keeps its part', () => {
    const t = paidWithBenefit('CRP04')
    t.step(5_000, 0)
    expect(refusal(() => t.refund(3_001))).toMatchObject({ code: 'refund_exceeds_paid' })
    t.step(3_000, 0)
    expect(t.rig.engine.getOrder(t.order.id)).toMatchObject({ status: 'refunded', refundedAmount: 8_000 })
    expect(refusal(() => t.refund(1))).toMatchObject({ code: 'invalid_state' })
    expect(t.rig.balance(t.rig.merchant.settlementWalletId!)).toBe(2_000)
    expect(t.rig.campaigns.stats(t.campaign.id).amount).toMatchObject({ spent: 2_000, clawedBack: 0 })
  })

  it('a full refund of a qr order (never reversible) returns the benefit to the campaign; after the end clawbacks go to the organiser', () => {
    const t = paidWithBenefit('CRP02')
    expect(refusal(() => t.rig.engine.cancelOrder(t.order.id))).toMatchObject({ code: 'invalid_state' })
    t.refund(10_000)
    expect(t.rig.balance(t.wallet)).toBe(50_000)
    expect(t.rig.budget(t.campaign.id)).toBe(20_000)
    t.rig.expectConsistent(t.campaign.id)

    const order = t.rig.pay(t.wallet, 10_000)
    t.rig.campaigns.end(t.campaign.id)
    const organiserBefore = t.rig.balance(t.rig.organiser.id)
    const refund = t.rig.engine.createRefund(order.id, { merchantRefundNo: 'R-end', amount: 10_000 })
    expect(refund.benefitClawback).toBe(2_000)
    expect(t.rig.balance(t.rig.organiser.id)).toBe(organiserBefore + 2_000)
    expect(t.rig.expectConsistent(t.campaign.id)).toMatchObject({ amount: { remaining: 0, spent: 0 } })
  })

  it('a refund the merchant cannot fund fails whole: nothing moves', () => {
    const t = paidWithBenefit('CRP01')
    const merchantWallet = t.rig.merchant.settlementWalletId!
    t.rig.engine.redeem(merchantWallet, { amount: 9_000 })
    const failed = t.refund(5_000)
    expect(failed).toMatchObject({ status: 'failed', failureCode: 'insufficient_funds', benefitClawback: 0 })
    expect(t.rig.budget(t.campaign.id)).toBe(18_000)
    expect(t.rig.balance(t.wallet)).toBe(42_000)
    t.rig.expectConsistent(t.campaign.id)
  })
})

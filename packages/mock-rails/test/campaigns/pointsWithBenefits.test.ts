/**
 * Points and a campaign benefit on one order: the benefit is priced on the order amount and covers at
 * most what the points leave; refunds split the holder's part between the points fund and the wallet
 * while the campaign's refund policy takes its clawback. Checked against the ledger at every step.
 */
import { describe, expect, it } from 'vitest'
import { campaignRig } from './campaignFixtures.js'

function rigWithPoints() {
  const rig = campaignRig()
  const points = rig.rails.campaigns.points
  points.deposit({ amount: 100_000 })
  const wallet = rig.wallet(50_000)
  points.adjust(wallet, { points: 5_000, reason: 'test balance' })
  let ids = 0
  const order = (amount: number) =>
    rig.engine.createOrder({
      merchantId: rig.merchant.id,
      merchantOrderNo: `PB-${++ids}`,
      amount,
      description: 'Goods',
      mode: 'qr',
    })
  const fundBalance = () => points.fund().balance
  return { rig, points, wallet, order, fundBalance }
}

describe('points with a campaign benefit', () => {
  it('¥100 order, ¥20 立减, 3000 points: the wallet pays ¥50; refunds split three ways (CRP02)', () => {
    const { rig, points, wallet, order, fundBalance } = rigWithPoints()
    const campaign = rig.launch({ type: 'PT04', amount: 2_000, refundPolicy: 'CRP02', budget: { count: 5 } })
    const merchantWallet = rig.merchant.settlementWalletId!
    const merchantBefore = rig.balance(merchantWallet)
    const open = order(10_000)
    points.redeem(wallet, { orderId: open.id, points: 3_000 })
    const paid = rig.engine.payOrder(open.id, { walletId: wallet })
    expect(paid).toMatchObject({
      paidAmount: 5_000,
      benefit: { amount: 2_000 },
      pointsRedeemed: { value: 3_000, status: 'applied' },
    })
    expect(rig.balance(wallet)).toBe(45_000)
    expect(rig.balance(merchantWallet)).toBe(merchantBefore + 10_000)
    expect(fundBalance()).toBe(97_000)
    rig.expectConsistent(campaign.id)

    // Half: the campaign takes back ¥10; of the holder's ¥40, 3/8 goes to the fund (¥15), ¥25 to the wallet.
    const half = rig.engine.createRefund(open.id, { merchantRefundNo: 'R-1', amount: 5_000 })
    expect(half).toMatchObject({ benefitClawback: 1_000, pointsReturned: { value: 1_500, points: 1_500 } })
    expect(rig.balance(wallet)).toBe(47_500)
    expect(fundBalance()).toBe(98_500)
    rig.expectConsistent(campaign.id)

    const rest = rig.engine.createRefund(open.id, { merchantRefundNo: 'R-2', amount: 5_000 })
    expect(rest).toMatchObject({ benefitClawback: 1_000, pointsReturned: { value: 1_500, points: 1_500 } })
    expect(rig.balance(wallet)).toBe(50_000)
    expect(fundBalance()).toBe(100_000)
    expect(points.get(wallet).balance).toBe(5_000)
    expect(rig.engine.getOrder(open.id).status).toBe('refunded')
    rig.expectConsistent(campaign.id)
  })

  it('the benefit covers at most what the points leave; none at all when they cover the order', () => {
    const { rig, points, wallet, order } = rigWithPoints()
    const campaign = rig.launch({ type: 'PT04', amount: 2_000, budget: { count: 5 } })
    const mostly = order(10_000)
    points.redeem(wallet, { orderId: mostly.id, points: 4_000 })
    // 4000 points leave ¥60 for the benefit: the full ¥20 applies.
    expect(rig.engine.payOrder(mostly.id, { walletId: wallet })).toMatchObject({
      paidAmount: 4_000,
      benefit: { amount: 2_000 },
    })
    const small = order(1_000)
    points.redeem(wallet, { orderId: small.id, points: 900 })
    // ¥1 left: the benefit shrinks to it and the wallet pays nothing.
    expect(rig.engine.payOrder(small.id, { walletId: wallet })).toMatchObject({
      paidAmount: 0,
      benefit: { amount: 100 },
    })
    const whole = order(100)
    points.redeem(wallet, { orderId: whole.id, points: 100 })
    expect(rig.engine.payOrder(whole.id, { walletId: wallet })).toMatchObject({
      paidAmount: 0,
      benefit: null,
      pointsRedeemed: { value: 100 },
    })
    expect(rig.campaigns.stats(campaign.id).amount.paidOut).toBe(2_100)
    rig.expectConsistent(campaign.id)
  })

  it('a rebate is paid back on what the wallet paid, not on the points', () => {
    const { rig, points, wallet, order } = rigWithPoints()
    const campaign = rig.launch({
      type: 'PT03',
      tiers: [{ threshold: 500, discount: 400 }],
      rebate: {},
      budget: { amount: 100_000 },
    })
    const open = order(1_000)
    points.redeem(wallet, { orderId: open.id, points: 700 })
    // The wallet pays ¥3 and gets at most ¥3 back, though the tier is 满5减4 on the ¥10 order.
    expect(rig.engine.payOrder(open.id, { walletId: wallet })).toMatchObject({
      paidAmount: 0,
      benefit: { amount: 300, rebate: true },
    })
    expect(rig.balance(wallet)).toBe(50_000)
    const refund = rig.engine.createRefund(open.id, { merchantRefundNo: 'R-3', amount: 1_000 })
    expect(refund).toMatchObject({ benefitClawback: 300, pointsReturned: { value: 700 } })
    expect(rig.balance(wallet)).toBe(50_000)
    rig.expectConsistent(campaign.id)
  })
})

/**
 * Order benefits. When a wallet pays an order, the best benefit it is eligible for applies first
 * (or the one it names): a held voucher or red envelope, or an automatic 满减 / 立减 / 满折 / 随机减 /
 * points campaign. The wallet pays `amount − discount`; the campaign's budget pays the discount; the
 * merchant receives the full order amount. `benefitFor` prices it — the arithmetic the SDK previews.
 *
 * Refunds take benefits back under the campaign's policy (`benefitClawback`, CRP01–CRP04): a refund
 * of `amount` (order value) returns `amount − clawback` to the wallet and `clawback` to the campaign.
 * Campaign settings (docs/campaigns.md, "Benefits on refund"): `holderMoneyFirst`
 * (`holderFirstClawback`), a red envelope's `refundTo: 'holder'` (`returnEnvelope`) and a 满减
 * `rebate` paid into the wallet after payment, at once or `delayDays` later (`rebatePayout`,
 * `payRebate`, `rebateCapRefusal`); a refund before a delayed rebate is paid cancels it.
 */
import { benefitClawback, benefitFor, type OrderBenefitRule } from '@ecny/sdk-core'
import type { OrderBenefitInput, OrderBenefitQuote } from '../engine/campaignPort.js'
import { moveMoney } from '../engine/moveMoney.js'
import { holderPaid } from '../engine/payments/holderPaid.js'
import type { OrderBenefitRecord, OrderRecord, WalletRecord } from '../state/records.js'
import { RailsError } from '../support/railsError.js'
import {
  audienceRefusal,
  budgetAvailable,
  capRefusal,
  countRefusal,
  notActive,
  placeRefusal,
} from './campaignChecks.js'
import { countGrant, newClaim } from './campaignClaims.js'
import type { CampaignContext } from './campaignContext.js'
import { rethrow } from './campaignContext.js'
import { isHeld, syncCampaigns } from './campaignLifecycle.js'
import { earnedBy } from './campaignRules.js'
import type { CampaignRecord, ClaimRecord } from './campaignState.js'
import { sep } from './campaignState.js'
import { holderFirstClawback } from './holderFirstClawback.js'
import { rebateCapRefusal } from './rebateCapRefusal.js'
import { cancelRebateOnRefund, startRebate } from './rebatePayout.js'
import { returnEnvelope, returnsToHolder } from './returnEnvelope.js'

type Candidate = { quote: OrderBenefitQuote; order: number }

function price(rule: OrderBenefitRule, order: Readonly<OrderRecord>, share: number | null) {
  return rethrow(() =>
    benefitFor(rule, { orderAmount: order.amount, seed: order.id, ...(share !== null && { share }) }),
  )
}

function belowThreshold(campaign: CampaignRecord, order: Readonly<OrderRecord>): RailsError {
  return new RailsError(
    'not_eligible',
    `Order ${order.id} (${order.amount} fen) does not reach campaign ${campaign.id}'s threshold or minimum spend.`,
    {
      campaignId: campaign.id,
      reason: 'below_threshold',
    },
  )
}

/** A held claim (voucher, envelope, ticket) used on this order, or the reason it cannot be. */
function heldCandidate(
  cc: CampaignContext,
  claim: ClaimRecord,
  order: Readonly<OrderRecord>,
): Candidate | RailsError {
  const campaign = cc.store.campaigns.get(claim.campaignId)!
  if (campaign.status !== 'active' && campaign.status !== 'paused') return notActive(campaign)!
  const place = placeRefusal(campaign, order)
  if (place) return place
  const stored = campaign.rule as OrderBenefitRule
  // A returned envelope is worth what the refund gave back, whatever the campaign's face value.
  const rule = claim.returnedFrom ? ({ ...stored, amount: claim.amount! } as OrderBenefitRule) : stored
  const priced = price(rule, order, rule.type === 'PT01' && rule.split ? claim.amount : null)
  if (!priced.qualified) return belowThreshold(campaign, order)
  // A voucher's or envelope's money is reserved; a lottery ticket's discount must fit the budget.
  const budget = claim.reservedAmount > 0 ? claim.reservedAmount : budgetAvailable(cc, campaign)
  if (priced.discount > budget) {
    return new RailsError(
      'budget_exhausted',
      `Campaign ${campaign.id}'s budget cannot pay this ${priced.discount} fen benefit.`,
      {
        campaignId: campaign.id,
      },
    )
  }
  return {
    quote: { campaignId: campaign.id, claimId: claim.id, discount: priced.discount, points: priced.points },
    order: 0,
  }
}

/** An automatic campaign's benefit on this order, or the reason there is none. */
function autoCandidate(
  cc: CampaignContext,
  campaign: CampaignRecord,
  wallet: WalletRecord,
  order: Readonly<OrderRecord>,
  now: number,
): Candidate | RailsError {
  const refusal =
    notActive(campaign) ??
    audienceRefusal(cc, campaign, wallet) ??
    placeRefusal(campaign, order) ??
    capRefusal(cc, campaign, wallet, now) ??
    rebateCapRefusal(cc, campaign, wallet, now) ??
    countRefusal(campaign)
  if (refusal) return refusal
  const priced = price(campaign.rule as OrderBenefitRule, order, null)
  if (!priced.qualified) return belowThreshold(campaign, order)
  if (priced.discount > budgetAvailable(cc, campaign)) {
    return new RailsError(
      'budget_exhausted',
      `Campaign ${campaign.id}'s budget has less than this ${priced.discount} fen benefit left.`,
      {
        campaignId: campaign.id,
        available: budgetAvailable(cc, campaign),
      },
    )
  }
  const rebate = campaign.rule.type === 'PT03' && campaign.rule.rebate !== undefined
  return {
    quote: {
      campaignId: campaign.id,
      claimId: null,
      discount: priced.discount,
      points: priced.points,
      ...(rebate && { rebate }),
    },
    order: 1,
  }
}

/** The best benefit: most fen off, then most points, then a held one, then the oldest campaign. */
export function quoteOrderBenefit(cc: CampaignContext, input: OrderBenefitInput): OrderBenefitQuote | null {
  syncCampaigns(cc)
  const { order, walletId, campaignId, now } = input
  const wallet = cc.ctx.state.wallets.get(walletId)
  if (!wallet) return null
  if (campaignId !== undefined && !cc.store.campaigns.has(campaignId)) {
    throw new RailsError(
      'not_found',
      `No campaign with id ${campaignId}. Check the id; ids are case-sensitive.`,
      {
        resource: 'campaign',
        id: campaignId,
      },
    )
  }
  let best: Candidate | null = null
  let firstRefusal: RailsError | null = null
  const consider = (result: Candidate | RailsError) => {
    if (result instanceof RailsError) {
      firstRefusal ??= result
      return
    }
    const { quote } = result
    if (quote.discount === 0 && quote.points === 0) return
    if (
      best === null ||
      quote.discount > best.quote.discount ||
      (quote.discount === best.quote.discount &&
        (quote.points > best.quote.points ||
          (quote.points === best.quote.points && result.order < best.order)))
    ) {
      best = result
    }
  }
  for (const claimId of cc.store.campaignClaimsByWallet.get(walletId) ?? []) {
    const claim = cc.store.campaignClaims.get(claimId)!
    if (claim.status !== 'granted' || claim.orderId !== null) continue
    if (campaignId !== undefined && claim.campaignId !== campaignId) continue
    const campaign = cc.store.campaigns.get(claim.campaignId)!
    if (!isHeld(campaign)) continue
    consider(heldCandidate(cc, claim, order))
  }
  for (const campaign of cc.store.campaigns.values()) {
    if (campaignId !== undefined && campaign.id !== campaignId) continue
    if (campaign.status !== 'active' && campaignId === undefined) continue
    if (earnedBy(campaign.rule) !== 'order') {
      if (campaignId !== undefined && best === null && firstRefusal === null) {
        firstRefusal = new RailsError(
          'not_eligible',
          `This wallet holds no unused benefit of campaign ${campaign.id}: claim one first.`,
          {
            campaignId: campaign.id,
            reason: 'nothing_held',
          },
        )
      }
      continue
    }
    consider(autoCandidate(cc, campaign, wallet, order, now))
  }
  const chosen = best as Candidate | null
  if (chosen) return chosen.quote
  if (campaignId !== undefined)
    throw firstRefusal ?? belowThreshold(cc.store.campaigns.get(campaignId)!, order)
  return null
}

/** Pays the quoted benefit from the budget to the merchant and records the claim. */
export function applyOrderBenefit(
  cc: CampaignContext,
  input: {
    order: Readonly<OrderRecord>
    walletId: string
    quote: OrderBenefitQuote
    merchantWalletId: string
    now: number
  },
): OrderBenefitRecord {
  const { order, walletId, quote, merchantWalletId, now } = input
  const campaign = cc.store.campaigns.get(quote.campaignId)!
  let claim: ClaimRecord
  if (quote.claimId !== null) {
    claim = cc.store.campaignClaims.get(quote.claimId)!
    campaign.reserved -= claim.reservedAmount
    claim.reservedAmount = 0
    campaign.claims.held--
    Object.assign(claim, { status: 'redeemed', amount: quote.discount, orderId: order.id, redeemedAt: now })
  } else {
    claim = newClaim(cc, campaign, walletId, {
      status: 'redeemed',
      amount: quote.discount,
      points: quote.points,
      orderId: order.id,
      redeemedAt: now,
    })
    countGrant(cc, campaign, cc.ctx.state.wallets.get(walletId)!, now)
  }
  campaign.claims.redeemed++
  cc.store.campaignClaimIndex.set(`${campaign.id}${sep}order${sep}${order.id}`, claim.id)
  const rebate =
    quote.discount > 0 && quote.rebate
      ? startRebate(cc, campaign, claim, order.id, quote.discount, now)
      : null
  if (quote.discount > 0 && !quote.rebate) {
    moveMoney(cc.ctx, 'campaign_benefit', order.id, [
      { account: campaign.budgetAccount, amount: -quote.discount },
      { walletId: merchantWalletId, amount: quote.discount, kind: 'payment' },
    ])
    campaign.paidOut += quote.discount
  }
  if (quote.points > 0) {
    campaign.points += quote.points
    cc.store.walletPoints.set(walletId, (cc.store.walletPoints.get(walletId) ?? 0) + quote.points)
  }
  return {
    campaignId: campaign.id,
    claimId: claim.id,
    // A pending rebate has taken nothing from the budget yet.
    amount: rebate?.rebateStatus === 'pending' ? 0 : quote.discount,
    points: quote.points,
    clawedBack: 0,
    ...(quote.rebate && { rebate: true, ...rebate }),
  }
}

/** The clawback of a refund under the campaign's refund policy. Changes nothing. */
export function refundClawback(
  cc: CampaignContext,
  input: { order: Readonly<OrderRecord>; refundAmount: number },
): number {
  const { order, refundAmount } = input
  // A rebate due by now is paid first, so this refund claws it back rather than cancelling it.
  syncCampaigns(cc)
  const benefit = order.benefit
  if (!benefit || benefit.amount === 0) return 0
  const campaign = cc.store.campaigns.get(benefit.campaignId)!
  const policy = campaign.rule.refundPolicy
  if (campaign.rule.holderMoneyFirst === true && (policy === 'CRP01' || policy === 'CRP02')) {
    return holderFirstClawback({
      paid: holderPaid(order),
      benefit: benefit.amount,
      alreadyRefunded: order.refundedAmount,
      alreadyClawedBack: benefit.clawedBack,
      refundAmount,
    })
  }
  return rethrow(() =>
    benefitClawback(policy, {
      orderAmount: order.amount,
      benefit: benefit.amount,
      paid: holderPaid(order),
      alreadyRefunded: order.refundedAmount,
      alreadyClawedBack: benefit.clawedBack,
      refundAmount,
    }),
  )
}

/**
 * Moves a clawback from the merchant back to the campaign's budget (one journal entry). For an ended
 * campaign it goes on to the organiser, like the rest of the budget did at the end.
 */
export function applyClawback(
  cc: CampaignContext,
  input: { order: OrderRecord; amount: number; merchantWalletId: string; reference: string },
): void {
  const { order, amount, merchantWalletId, reference } = input
  const benefit = order.benefit!
  syncCampaigns(cc)
  const campaign = cc.store.campaigns.get(benefit.campaignId)!
  const organiser = cc.ctx.state.wallets.get(campaign.organiserWalletId)
  const forward = campaign.status === 'ended' && organiser?.status === 'active'
  moveMoney(cc.ctx, 'campaign_clawback', reference, [
    { walletId: merchantWalletId, amount: -amount, kind: 'refund' },
    { account: campaign.budgetAccount, amount },
    ...(forward
      ? [
          { account: campaign.budgetAccount, amount: -amount },
          { walletId: organiser.id, amount, kind: 'transfer_in' as const },
        ]
      : []),
  ])
  campaign.clawedBack += amount
  if (forward) campaign.released += amount
  benefit.clawedBack += amount
  const claim = cc.store.campaignClaims.get(benefit.claimId)
  if (claim) claim.clawedBack += amount
  if (claim && returnsToHolder(campaign, cc.ctx.clock.now())) returnEnvelope(cc, campaign, claim, amount)
}

/** After a refund succeeded: a rebate of the order still pending is cancelled (never paid). */
export function afterRefund(cc: CampaignContext, input: { order: Readonly<OrderRecord>; now: number }): void {
  if (input.order.benefit?.rebateStatus === 'pending')
    cancelRebateOnRefund(cc, input.order.benefit, input.now)
}

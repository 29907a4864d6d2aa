/**
 * When a 满减 rebate (`rule.rebate`) is paid: `delayDays` after the payment, by the rails clock
 * (default 0: at once, as BoCom Chengdu 2021 is read; a delay is the campaign's setting, no source
 * gives one). Until then it is pending: its fen stay reserved in the budget (`campaign.reserved`),
 * the order's benefit shows `rebateStatus: 'pending'` with nothing yet from the budget, and stats
 * count it apart. The clock passing `dueAt` pays it (`payDueRebates`, run by `syncCampaigns`); a
 * refund (or reversal) of the order before then cancels it (`cancelRebateOnRefund`), as does the
 * wallet closing.
 * A cancelled rebate of an ended campaign goes on to the organiser with the rest of its budget.
 */
import type { OrderBenefitRecord } from '../state/records.js'
import type { CampaignContext } from './campaignContext.js'
import type { CampaignRecord, ClaimRecord } from './campaignState.js'
import { payRebate } from './payRebate.js'
import { releaseToOrganiser } from './releaseToOrganiser.js'

const dayMs = 86_400_000

type RebateFields = Pick<OrderBenefitRecord, 'rebateStatus' | 'rebateAmount' | 'rebateDueAt'>

/** At payment: pays the rebate now, or schedules it. Returns what the order's benefit records. */
export function startRebate(
  cc: CampaignContext,
  campaign: CampaignRecord,
  claim: ClaimRecord,
  orderId: string,
  amount: number,
  now: number,
): RebateFields {
  const rule = campaign.rule
  const delayDays = rule.type === 'PT03' ? (rule.rebate?.delayDays ?? 0) : 0
  const dueAt = now + delayDays * dayMs
  if (delayDays === 0) {
    payRebate(cc, campaign, claim.walletId, orderId, amount)
    claim.rebate = { status: 'paid', amount, dueAt, settledAt: now }
    return { rebateStatus: 'paid', rebateAmount: amount, rebateDueAt: dueAt }
  }
  campaign.reserved += amount
  campaign.rebatePending = (campaign.rebatePending ?? 0) + amount
  campaign.rebatesPending = (campaign.rebatesPending ?? 0) + 1
  claim.rebate = { status: 'pending', amount, dueAt, settledAt: null }
  cc.store.campaignRebatesDue.set(claim.id, dueAt)
  return { rebateStatus: 'pending', rebateAmount: amount, rebateDueAt: dueAt }
}

/** Pays every pending rebate due by `now`, earliest first (a refunded or reversed order's is cancelled instead). */
export function payDueRebates(cc: CampaignContext, now: number): void {
  const due = [...cc.store.campaignRebatesDue].filter(([, at]) => at <= now).sort(([, a], [, b]) => a - b)
  for (const [claimId, dueAt] of due) {
    cc.store.campaignRebatesDue.delete(claimId)
    const claim = cc.store.campaignClaims.get(claimId)
    const order = claim?.orderId ? cc.ctx.state.orders.get(claim.orderId) : undefined
    if (claim?.rebate?.status !== 'pending' || !order?.benefit) continue
    const campaign = cc.store.campaigns.get(claim.campaignId)!
    // Refunded (in part or whole) or reversed before it was due, or the wallet closed: not paid.
    if (order.status !== 'succeeded' || cc.ctx.state.wallets.get(claim.walletId)?.status !== 'active') {
      settle(cc, campaign, claim, order.benefit, 'cancelled', dueAt)
      continue
    }
    const { amount } = claim.rebate
    settle(cc, campaign, claim, order.benefit, 'paid', dueAt)
    payRebate(cc, campaign, claim.walletId, order.id, amount)
    order.benefit.amount = amount
    order.paidAmount -= amount
  }
}

/** After a refund or reversal of the order: its rebate, if still pending, is not paid. */
export function cancelRebateOnRefund(cc: CampaignContext, benefit: OrderBenefitRecord, now: number): void {
  const claim = cc.store.campaignClaims.get(benefit.claimId)
  if (claim?.rebate?.status !== 'pending') return
  cc.store.campaignRebatesDue.delete(claim.id)
  settle(cc, cc.store.campaigns.get(claim.campaignId)!, claim, benefit, 'cancelled', now)
}

function settle(
  cc: CampaignContext,
  campaign: CampaignRecord,
  claim: ClaimRecord,
  benefit: OrderBenefitRecord,
  status: 'paid' | 'cancelled',
  at: number,
): void {
  const amount = claim.rebate!.amount
  campaign.reserved -= amount
  campaign.rebatePending = (campaign.rebatePending ?? 0) - amount
  campaign.rebatesPending = (campaign.rebatesPending ?? 0) - 1
  claim.rebate = { ...claim.rebate!, status, settledAt: at }
  benefit.rebateStatus = status
  if (status === 'paid') return
  campaign.rebateCancelled = (campaign.rebateCancelled ?? 0) + amount
  campaign.rebatesCancelled = (campaign.rebatesCancelled ?? 0) + 1
  if (campaign.status === 'ended') releaseToOrganiser(cc, campaign, amount)
}

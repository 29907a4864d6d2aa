/** Campaign records → the protocol's JSON (`@ecny/sdk-core` `campaign`, `campaignClaim`, `campaignStats`). */
import { formatTimestamp } from '../support/shanghaiTime.js'
import { budgetAvailable, budgetBalance, isExhausted } from './campaignChecks.js'
import type { CampaignContext } from './campaignContext.js'
import { isHeld } from './campaignLifecycle.js'
import { earnedBy, fixedValue } from './campaignRules.js'
import type { CampaignRecord, ClaimRecord } from './campaignState.js'

const orNull = (ms: number | null) => (ms === null ? null : formatTimestamp(ms))

export function budgetToWire(cc: CampaignContext, campaign: CampaignRecord) {
  const remaining = budgetBalance(cc, campaign)
  return {
    amount: campaign.funding,
    count: campaign.countLimit,
    funded: campaign.funded,
    spent: campaign.paidOut - campaign.clawedBack,
    remaining,
    reserved: campaign.reserved,
    available: budgetAvailable(cc, campaign),
    countUsed: campaign.countUsed,
    exhausted: campaign.status === 'active' && isExhausted(cc, campaign, fixedValue(campaign.rule) ?? 1),
  }
}

export function campaignToWire(cc: CampaignContext, campaign: CampaignRecord) {
  const rule = campaign.rule
  return {
    id: campaign.id,
    name: rule.name ?? null,
    type: rule.type,
    status: campaign.status,
    rule,
    organiserWalletId: campaign.organiserWalletId,
    budgetAccount: campaign.budgetAccount,
    allocation: rule.allocation,
    refundPolicy: rule.refundPolicy,
    audience: rule.audience ?? null,
    earnedBy: earnedBy(rule),
    startsAt: formatTimestamp(campaign.from),
    endsAt: formatTimestamp(campaign.to),
    budget: budgetToWire(cc, campaign),
    endReason: campaign.endReason,
    drawn: campaign.draw !== null,
    createdAt: formatTimestamp(campaign.createdAt),
    updatedAt: formatTimestamp(campaign.updatedAt),
    activatedAt: orNull(campaign.activatedAt),
    endedAt: orNull(campaign.endedAt),
  }
}

export function claimToWire(cc: CampaignContext, claim: ClaimRecord) {
  const campaign = cc.store.campaigns.get(claim.campaignId)!
  const held = claim.status === 'granted' && claim.orderId === null && isHeld(campaign)
  return {
    id: claim.id,
    campaignId: claim.campaignId,
    walletId: claim.walletId,
    type: campaign.rule.type,
    status: claim.status,
    amount: claim.amount,
    points: claim.points,
    transferId: claim.transferId,
    orderId: claim.orderId,
    claimKey: claim.claimKey,
    clawedBack: claim.clawedBack,
    returnedFrom: claim.returnedFrom ?? null,
    rebate: claim.rebate
      ? {
          status: claim.rebate.status,
          amount: claim.rebate.amount,
          dueAt: formatTimestamp(claim.rebate.dueAt),
          settledAt: orNull(claim.rebate.settledAt),
        }
      : null,
    expiresAt: held ? formatTimestamp(campaign.to) : null,
    createdAt: formatTimestamp(claim.createdAt),
    redeemedAt: orNull(claim.redeemedAt),
  }
}

export function statsToWire(cc: CampaignContext, campaign: CampaignRecord) {
  const balance = budgetBalance(cc, campaign)
  return {
    campaignId: campaign.id,
    status: campaign.status,
    reach: campaign.reach,
    claims: {
      ...campaign.claims,
      returned: campaign.returnedCount ?? 0,
      rebatesPending: campaign.rebatesPending ?? 0,
      rebatesCancelled: campaign.rebatesCancelled ?? 0,
    },
    budget: budgetToWire(cc, campaign),
    amount: {
      funded: campaign.funded,
      paidOut: campaign.paidOut,
      clawedBack: campaign.clawedBack,
      spent: campaign.paidOut - campaign.clawedBack,
      released: campaign.released,
      remaining: balance,
      rebated: campaign.rebated ?? 0,
      rebatePending: campaign.rebatePending ?? 0,
      rebateCancelled: campaign.rebateCancelled ?? 0,
      returnedToHolders: campaign.returnedToHolders ?? 0,
    },
    points: campaign.points,
    ledger: { account: campaign.budgetAccount, balance },
    asOf: formatTimestamp(cc.ctx.clock.now()),
  }
}

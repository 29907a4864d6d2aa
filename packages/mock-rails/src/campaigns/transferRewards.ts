/**
 * Transfer rewards (转账有礼): a transfer sent with a `campaignId` (or claimed afterwards naming the
 * transfer) earns the sender the rule's `amount` (fen, paid from the budget account into the wallet
 * in one journal entry) and/or `points`, once the checks pass. The decision is `transferRewardFor`'s
 * — the same arithmetic the SDK previews with.
 */
import { transferRewardFor } from '@ecny/sdk-core'
import { moveMoney } from '../engine/moveMoney.js'
import { assertCreditWithinCap } from '../engine/walletGuards.js'
import type { TransferRecord, TransferReward } from '../state/records.js'
import { RailsError } from '../support/railsError.js'
import { audienceRefusal, budgetAvailable, capRefusal, notActive } from './campaignChecks.js'
import { countGrant, newClaim } from './campaignClaims.js'
import type { CampaignContext } from './campaignContext.js'
import type { CampaignRecord, ClaimRecord } from './campaignState.js'
import { sep } from './campaignState.js'
import { usageOf } from './campaignUsage.js'

/** A transfer's `reward`, with the cap that stopped it and a sentence for the holder. */
export type CampaignTransferReward = TransferReward & { cap?: string | null; message?: string | null }

export type TransferRewardOutcome = { claim: ClaimRecord } | { refusal: RailsError; reason: string }

function refuse(refusal: RailsError, reason: string = refusal.code): TransferRewardOutcome {
  return { refusal, reason }
}

/** Decides and (if granted) pays a transfer's reward. Never throws for a refusal: it returns it. */
export function grantTransferReward(
  cc: CampaignContext,
  campaign: CampaignRecord,
  transfer: Readonly<TransferRecord>,
  now: number,
): TransferRewardOutcome {
  const rule = campaign.rule
  if (rule.type !== 'transfer_reward') {
    return refuse(
      new RailsError(
        'not_eligible',
        `Campaign ${campaign.id} is a ${rule.type} campaign, not a transfer reward.`,
        {
          campaignId: campaign.id,
          reason: 'not_transfer_reward',
        },
      ),
    )
  }
  const inactive = notActive(campaign)
  if (inactive) return refuse(inactive)
  const wallet = cc.ctx.state.wallets.get(transfer.fromWalletId)!
  const outside = audienceRefusal(cc, campaign, wallet)
  if (outside) return refuse(outside)
  const decision = transferRewardFor(rule, {
    transferAmount: transfer.amount,
    usage: usageOf(cc, campaign.id, wallet.id, now),
    budgetLeft: {
      count: campaign.countLimit === null ? undefined : campaign.countLimit - campaign.countUsed,
      amount: budgetAvailable(cc, campaign),
    },
  })
  if (!decision.granted) {
    if (decision.reason === 'below_minimum') {
      return refuse(
        new RailsError(
          'not_eligible',
          `Transfers of at least ${rule.minTransferAmount} fen earn campaign ${campaign.id}'s reward; this one was ${transfer.amount} fen.`,
          { campaignId: campaign.id, reason: 'below_minimum', minTransferAmount: rule.minTransferAmount },
        ),
        'below_minimum',
      )
    }
    if (decision.reason === 'claim_cap_reached') return refuse(capRefusal(cc, campaign, wallet, now)!)
    return refuse(
      new RailsError(
        'budget_exhausted',
        `Campaign ${campaign.id}'s budget is spent: no more transfer rewards.`,
        {
          campaignId: campaign.id,
        },
      ),
    )
  }
  const identity = capRefusal(cc, campaign, wallet, now)
  if (identity) return refuse(identity)
  if (decision.amount > 0) {
    try {
      assertCreditWithinCap(cc.ctx, wallet, decision.amount)
    } catch (error) {
      if (error instanceof RailsError) return refuse(error)
      throw error
    }
  }
  const claim = newClaim(cc, campaign, wallet.id, {
    status: 'granted',
    amount: decision.amount,
    points: decision.points,
    transferId: transfer.id,
  })
  cc.store.campaignClaimIndex.set(`${campaign.id}${sep}transfer${sep}${transfer.id}`, claim.id)
  if (decision.amount > 0) {
    moveMoney(cc.ctx, 'campaign_reward', claim.id, [
      { account: campaign.budgetAccount, amount: -decision.amount },
      { walletId: wallet.id, amount: decision.amount, kind: 'reward' },
    ])
    campaign.paidOut += decision.amount
  }
  if (decision.points > 0) {
    campaign.points += decision.points
    cc.store.walletPoints.set(wallet.id, (cc.store.walletPoints.get(wallet.id) ?? 0) + decision.points)
  }
  countGrant(cc, campaign, wallet, now)
  return { claim }
}

/** The transfer's `reward` for an outcome. */
export function rewardOf(outcome: TransferRewardOutcome): CampaignTransferReward {
  if ('claim' in outcome) {
    const { claim } = outcome
    return { granted: true, amount: claim.amount ?? 0, points: claim.points, claimId: claim.id, reason: null }
  }
  const cap = outcome.refusal.details.cap
  return {
    granted: false,
    amount: 0,
    points: 0,
    claimId: null,
    reason: outcome.reason,
    cap: typeof cap === 'string' ? cap : null,
    message: outcome.refusal.message,
  }
}

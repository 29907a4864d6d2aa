/**
 * Why a wallet may not have a benefit now, as the gateway answers it: each check returns the
 * `RailsError` to throw (or to turn into a transfer's `reward.reason`), or `null` when it passes.
 */
import { previewEligibility } from '@ecny/sdk-core'
import { walletCapReached } from '@ecny/sdk-core/internal'
import type { OrderRecord, WalletRecord } from '../state/records.js'
import { RailsError } from '../support/railsError.js'
import { formatTimestamp } from '../support/shanghaiTime.js'
import type { CampaignContext } from './campaignContext.js'
import type { CampaignRecord } from './campaignState.js'
import { sep } from './campaignState.js'
import { identityOf, nextResets, usageOf } from './campaignUsage.js'

/** Fen in the budget account now. */
export function budgetBalance(cc: CampaignContext, campaign: CampaignRecord): number {
  return cc.ctx.ledger.balanceOf(campaign.budgetAccount)
}

/** Fen new benefits may use: the budget account's balance less what held benefits reserve. */
export function budgetAvailable(cc: CampaignContext, campaign: CampaignRecord): number {
  return budgetBalance(cc, campaign) - campaign.reserved
}

export function notActive(campaign: CampaignRecord): RailsError | null {
  if (campaign.status === 'active') return null
  const why: Record<string, string> = {
    draft: 'is a draft: schedule it first',
    scheduled: `has not started: it starts at ${formatTimestamp(campaign.from)}`,
    paused: 'is paused by its organiser: try again when it resumes',
    ended:
      campaign.endReason === 'window_closed'
        ? `ended at ${formatTimestamp(campaign.to)}`
        : campaign.endReason === 'funding_failed'
          ? "ended: its organiser's wallet could not fund the budget at the start"
          : 'was ended by its organiser',
  }
  return new RailsError('campaign_not_active', `Campaign ${campaign.id} ${why[campaign.status]}.`, {
    campaignId: campaign.id,
    status: campaign.status,
    startsAt: formatTimestamp(campaign.from),
    endsAt: formatTimestamp(campaign.to),
  })
}

export function audienceRefusal(
  cc: CampaignContext,
  campaign: CampaignRecord,
  wallet: WalletRecord,
): RailsError | null {
  const expression = campaign.rule.audience
  if (expression === undefined) return null
  const audience = cc.audience(expression)
  if (audience.matches(wallet.tags)) return null
  const preview = previewEligibility(audience, wallet.tags)
  if (preview.eligible) return null
  return new RailsError(
    'not_eligible',
    `This wallet is not in campaign ${campaign.id}'s audience. ${preview.reason}`,
    {
      campaignId: campaign.id,
      reason: 'audience',
      missing: preview.missing,
      excluded: preview.excluded,
    },
  )
}

/** Designated merchants and scenes (orders only). */
export function placeRefusal(campaign: CampaignRecord, order: OrderRecord): RailsError | null {
  const { merchantIds, sceneIds } = campaign.rule
  if (merchantIds && !merchantIds.includes(order.merchantId)) {
    return new RailsError(
      'not_eligible',
      `Campaign ${campaign.id} applies only at its designated merchants; ${order.merchantId} is not one.`,
      {
        campaignId: campaign.id,
        reason: 'merchant',
        merchantId: order.merchantId,
      },
    )
  }
  if (sceneIds && (order.sceneId === null || !sceneIds.includes(order.sceneId))) {
    return new RailsError(
      'not_eligible',
      `Campaign ${campaign.id} applies only in its designated scenes; this order's scene (${order.sceneId ?? 'none'}) is not one.`,
      {
        campaignId: campaign.id,
        reason: 'scene',
        sceneId: order.sceneId,
      },
    )
  }
  return null
}

/** Per-wallet caps (per day / per month in Asia/Shanghai, total) and one per identity. */
export function capRefusal(
  cc: CampaignContext,
  campaign: CampaignRecord,
  wallet: WalletRecord,
  now: number,
): RailsError | null {
  const usage = usageOf(cc, campaign.id, wallet.id, now)
  const caps = campaign.rule.perWallet
  const cap = walletCapReached(caps, usage)
  if (cap) {
    const resets = nextResets(now)
    const limit = caps![cap]!
    const used = cap === 'perDay' ? usage.today : cap === 'perMonth' ? usage.thisMonth : usage.total
    const when =
      cap === 'perDay'
        ? ` Try again after ${formatTimestamp(resets.day)}.`
        : cap === 'perMonth'
          ? ` Try again after ${formatTimestamp(resets.month)}.`
          : ''
    const noun = { perDay: 'a day', perMonth: 'a month', total: 'in all' }[cap]
    return new RailsError(
      'claim_cap_reached',
      `This wallet has had ${used} of campaign ${campaign.id}'s benefits ${cap === 'total' ? 'in all' : cap === 'perDay' ? 'today' : 'this month'}; the cap is ${limit} ${noun}.${when}`,
      {
        campaignId: campaign.id,
        cap,
        limit,
        used,
        ...(cap !== 'total' && { resetsAt: formatTimestamp(cap === 'perDay' ? resets.day : resets.month) }),
      },
    )
  }
  if (
    campaign.rule.onePerIdentity &&
    cc.store.campaignClaimIndex.has(`${campaign.id}${sep}identity${sep}${identityOf(wallet)}`)
  ) {
    return new RailsError(
      'claim_cap_reached',
      `Campaign ${campaign.id} gives one benefit per person, and this wallet's holder already had it (perhaps with another wallet).`,
      { campaignId: campaign.id, cap: 'identity', limit: 1, used: 1 },
    )
  }
  return null
}

/** The count budget (benefits, winners). */
export function countRefusal(campaign: CampaignRecord): RailsError | null {
  if (campaign.countLimit === null || campaign.countUsed < campaign.countLimit) return null
  return new RailsError(
    'budget_exhausted',
    `Campaign ${campaign.id} has handed out all ${campaign.countLimit} of its benefits.`,
    {
      campaignId: campaign.id,
      budget: 'count',
      limit: campaign.countLimit,
      used: campaign.countUsed,
    },
  )
}

/** The money budget: a benefit of `amount` fen must fit what is available. */
export function moneyRefusal(
  cc: CampaignContext,
  campaign: CampaignRecord,
  amount: number,
): RailsError | null {
  const available = budgetAvailable(cc, campaign)
  if (amount <= available) return null
  return new RailsError(
    'budget_exhausted',
    `Campaign ${campaign.id}'s budget has ${available} fen left, less than this ${amount} fen benefit.`,
    {
      campaignId: campaign.id,
      budget: 'amount',
      available,
      amount,
    },
  )
}

/** True when no more benefits can be handed out (count used up, or money below one benefit). */
export function isExhausted(cc: CampaignContext, campaign: CampaignRecord, smallest: number): boolean {
  if (countRefusal(campaign)) return true
  if (campaign.funding === 0) return false
  return budgetAvailable(cc, campaign) < Math.max(1, smallest)
}

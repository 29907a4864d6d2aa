/**
 * The per-wallet caps of a post-payment rebate (`rule.rebate`: `perDay`, `perMonth`; defaults 1 and
 * 4 from BoCom Chengdu 2021 满5减4): once a wallet had that many rebates of the campaign today or
 * this month (Asia/Shanghai), its orders are paid in full with no rebate. A refunded rebate still
 * counts (the sandbox's choice; the source does not say). Changes nothing.
 */
import { walletCapReached } from '@ecny/sdk-core/internal'
import type { WalletRecord } from '../state/records.js'
import { RailsError } from '../support/railsError.js'
import { formatTimestamp } from '../support/shanghaiTime.js'
import type { CampaignContext } from './campaignContext.js'
import type { CampaignRecord } from './campaignState.js'
import { nextResets, usageOf } from './campaignUsage.js'

export function rebateCapRefusal(
  cc: CampaignContext,
  campaign: CampaignRecord,
  wallet: WalletRecord,
  now: number,
): RailsError | null {
  const rule = campaign.rule
  if (rule.type !== 'PT03' || !rule.rebate) return null
  const usage = usageOf(cc, campaign.id, wallet.id, now)
  const cap = walletCapReached(rule.rebate, usage)
  if (cap === null || cap === 'total') return null
  const daily = cap === 'perDay'
  const limit = rule.rebate[cap]
  const resetsAt = formatTimestamp(daily ? nextResets(now).day : nextResets(now).month)
  return new RailsError(
    'claim_cap_reached',
    `This wallet has had ${daily ? usage.today : usage.thisMonth} of campaign ${campaign.id}'s rebates ${daily ? 'today' : 'this month'}; the cap is ${limit} ${daily ? 'a day' : 'a month'}. Try again after ${resetsAt}.`,
    { campaignId: campaign.id, cap: daily ? 'rebatePerDay' : 'rebatePerMonth', limit, resetsAt },
  )
}

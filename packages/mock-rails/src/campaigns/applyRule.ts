import type { CampaignRule } from '@ecny/sdk-core'
import { assertSupported, countLimitOf, fundingOf } from './campaignRules.js'
import type { CampaignRecord } from './campaignState.js'

/** Sets a campaign's rule and what follows from it: funding, count limit, validity window. */
export function applyRule(campaign: CampaignRecord, rule: CampaignRule): void {
  assertSupported(rule)
  campaign.rule = rule
  campaign.funding = fundingOf(rule)
  campaign.countLimit = countLimitOf(rule)
  campaign.from = Date.parse(rule.validity.from)
  campaign.to = Date.parse(rule.validity.to)
}

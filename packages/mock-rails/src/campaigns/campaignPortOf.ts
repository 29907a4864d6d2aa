import type { CampaignPort } from '../engine/campaignPort.js'
import type { CampaignContext } from './campaignContext.js'
import { syncCampaigns } from './campaignLifecycle.js'
import { eligibleCampaigns } from './eligibleCampaigns.js'
import {
  afterRefund,
  applyClawback,
  applyOrderBenefit,
  quoteOrderBenefit,
  refundClawback,
} from './orderBenefits.js'
import { grantTransferReward, rewardOf } from './transferRewards.js'

/**
 * The campaign engine as the payment engine sees it: its implementation of the engine's
 * {@link CampaignPort} (transfer rewards, order benefits, refund clawbacks and what a refund settles,
 * eligibility).
 */
export function campaignPortOf(cc: CampaignContext): CampaignPort {
  return {
    onTransfer({ campaignId, transfer, now }) {
      syncCampaigns(cc)
      const campaign = cc.store.campaigns.get(campaignId)
      if (!campaign) return { granted: false, reason: 'campaign_not_found' }
      return rewardOf(grantTransferReward(cc, campaign, transfer, now))
    },
    eligibleCampaigns: (walletId, now) => eligibleCampaigns(cc, walletId, now),
    quoteOrderBenefit: (input) => quoteOrderBenefit(cc, input),
    applyOrderBenefit: (input) => applyOrderBenefit(cc, input),
    refundClawback: (input) => refundClawback(cc, input),
    applyClawback: (input) => applyClawback(cc, input),
    onRefunded: (input) => afterRefund(cc, input),
  }
}

import { balanceOf } from '../engine/walletGuards.js'
import { RailsError } from '../support/railsError.js'
import { formatTimestamp } from '../support/shanghaiTime.js'
import type { CampaignContext } from './campaignContext.js'
import { assertTransition, syncCampaigns } from './campaignLifecycle.js'
import { campaignToWire } from './campaignWire.js'
import { readCampaign } from './readCampaign.js'
import { requireOrganiser } from './requireOrganiser.js'

/**
 * `POST /v1/campaigns/{id}/schedule`: the campaign activates when its window opens. Refused when the
 * window already ended or the organiser's wallet cannot fund the budget.
 */
export function scheduleCampaign(cc: CampaignContext, campaignId: string) {
  const campaign = readCampaign(cc, campaignId)
  assertTransition(campaign, 'scheduled')
  const now = cc.ctx.clock.now()
  if (campaign.to <= now) {
    throw new RailsError(
      'invalid_state',
      `Campaign ${campaign.id}'s window ended at ${formatTimestamp(campaign.to)}. Move validity.to later first.`,
      {
        campaignId: campaign.id,
      },
    )
  }
  const organiser = requireOrganiser(cc, campaign.organiserWalletId)
  const balance = organiser.status === 'active' ? balanceOf(cc.ctx, organiser.id) : 0
  if (balance < campaign.funding) {
    throw new RailsError(
      'insufficient_funds',
      `The organiser's wallet holds ${balance} fen; the budget needs ${campaign.funding} fen at activation. Fund the wallet, or lower budget.amount.`,
      {
        walletId: organiser.id,
        available: balance,
        amount: campaign.funding,
        shortfall: campaign.funding - balance,
      },
    )
  }
  campaign.status = 'scheduled'
  campaign.updatedAt = now
  syncCampaigns(cc)
  return campaignToWire(cc, campaign)
}

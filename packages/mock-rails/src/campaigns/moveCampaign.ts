import { RailsError } from '../support/railsError.js'
import type { CampaignContext } from './campaignContext.js'
import { assertTransition, endCampaignRecord, syncCampaigns } from './campaignLifecycle.js'
import type { CampaignStatus } from './campaignState.js'
import { campaignToWire } from './campaignWire.js'
import { readCampaign } from './readCampaign.js'

/** Pauses (`paused`), resumes (`active`, from paused only) or ends (`ended`, manually) a campaign. */
export function moveCampaign(
  cc: CampaignContext,
  campaignId: string,
  next: Exclude<CampaignStatus, 'draft' | 'scheduled'>,
) {
  const campaign = readCampaign(cc, campaignId)
  if (next === 'active' && campaign.status !== 'paused') {
    throw new RailsError(
      'invalid_state',
      `Campaign ${campaign.id} is ${campaign.status}; only a paused campaign resumes.`,
      {
        campaignId: campaign.id,
        status: campaign.status,
      },
    )
  }
  const now = cc.ctx.clock.now()
  if (next === 'ended') endCampaignRecord(cc, campaign, 'manual', now)
  else {
    assertTransition(campaign, next)
    campaign.status = next
    campaign.updatedAt = now
  }
  syncCampaigns(cc)
  return campaignToWire(cc, campaign)
}

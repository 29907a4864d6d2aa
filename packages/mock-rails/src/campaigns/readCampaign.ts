import { requireCampaign } from './campaignClaims.js'
import type { CampaignContext } from './campaignContext.js'
import { syncCampaigns } from './campaignLifecycle.js'
import type { CampaignRecord } from './campaignState.js'

/** The campaign as of the rails clock now (lifecycle applied first), or `not_found`. */
export function readCampaign(cc: CampaignContext, campaignId: string): CampaignRecord {
  syncCampaigns(cc)
  return requireCampaign(cc, campaignId)
}

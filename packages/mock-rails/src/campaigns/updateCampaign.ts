import { updateCampaignRequest } from '@ecny/protocol'
import { parseParams } from '../support/parseParams.js'
import { RailsError } from '../support/railsError.js'
import { applyRule } from './applyRule.js'
import type { CampaignContext } from './campaignContext.js'
import { syncCampaigns } from './campaignLifecycle.js'
import { campaignToWire } from './campaignWire.js'
import { parseRuleInput } from './parseRuleInput.js'
import { readCampaign } from './readCampaign.js'
import { requireOrganiser } from './requireOrganiser.js'

/** `PATCH /v1/campaigns/{id}`: merges rule fields (`null` removes one) into a draft or scheduled campaign. */
export function updateCampaign(cc: CampaignContext, campaignId: string, input: unknown) {
  const params = parseParams(updateCampaignRequest, input)
  const campaign = readCampaign(cc, campaignId)
  if (campaign.status !== 'draft' && campaign.status !== 'scheduled') {
    throw new RailsError(
      'invalid_state',
      `Campaign ${campaign.id} is ${campaign.status}; only a draft or scheduled campaign can be changed.`,
      {
        campaignId: campaign.id,
        status: campaign.status,
      },
    )
  }
  if (params.rule) {
    const merged: Record<string, unknown> = { ...campaign.rule }
    for (const [key, value] of Object.entries(params.rule)) {
      if (value === null) delete merged[key]
      else merged[key] = value
    }
    applyRule(campaign, parseRuleInput(cc, merged))
  }
  if (params.organiserWalletId !== undefined) {
    requireOrganiser(cc, params.organiserWalletId)
    campaign.organiserWalletId = params.organiserWalletId
  }
  campaign.updatedAt = cc.ctx.clock.now()
  syncCampaigns(cc)
  return campaignToWire(cc, campaign)
}

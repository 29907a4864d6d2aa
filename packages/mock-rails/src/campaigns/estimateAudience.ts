import { audienceEstimateRequest, standaloneAudienceEstimateRequest } from '@ecny/protocol'
import { type CompiledAudience, estimateAudience as countAudience } from '@ecny/sdk-core'
import { parseParams } from '../support/parseParams.js'
import { type CampaignContext, rethrow } from './campaignContext.js'
import { readCampaign } from './readCampaign.js'

/**
 * `POST /v1/campaigns/{id}/audience-estimate`: how many active personal wallets the campaign's
 * audience (or the expression sent) matches now.
 */
export function estimateAudience(cc: CampaignContext, campaignId: string, input: unknown = {}) {
  const params = parseParams(audienceEstimateRequest, input ?? {})
  const campaign = readCampaign(cc, campaignId)
  const expression = params.audience ?? campaign.rule.audience
  const audience: CompiledAudience | null =
    expression === undefined
      ? null
      : rethrow(() => cc.audience(expression), params.audience === undefined ? 'rule.audience' : 'audience')
  return { campaignId: campaign.id, ...countWallets(cc, audience) }
}

/**
 * `POST /v1/audience-estimates`: how many active personal wallets an expression matches, before any
 * campaign uses it (a campaign team sizing an audience and its budget).
 */
export function estimateStandaloneAudience(cc: CampaignContext, input: unknown) {
  const params = parseParams(standaloneAudienceEstimateRequest, input ?? {})
  const audience = rethrow(() => cc.audience(params.audience), 'audience')
  return { campaignId: null, ...countWallets(cc, audience) }
}

function countWallets(cc: CampaignContext, audience: CompiledAudience | null) {
  const wallets = [...cc.ctx.state.wallets.values()].filter((w) => w.type === 'WT01' && w.status === 'active')
  const counted = audience
    ? countAudience(audience, wallets)
    : { count: wallets.length, total: wallets.length }
  return {
    expression: audience ? audience.toString() : '',
    tags: audience ? [...audience.tags] : [],
    count: counted.count,
    total: counted.total,
  }
}

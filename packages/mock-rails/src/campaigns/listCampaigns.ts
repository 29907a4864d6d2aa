import { listCampaignsQuery } from '@ecny/protocol'
import { type PageParameters, pageNewestFirst } from '../support/pageNewestFirst.js'
import { parseParams } from '../support/parseParams.js'
import type { CampaignContext } from './campaignContext.js'
import { syncCampaigns } from './campaignLifecycle.js'
import { campaignToWire } from './campaignWire.js'

/** `GET /v1/campaigns`: campaigns newest first, optionally of one status. */
export function listCampaigns(
  cc: CampaignContext,
  query: { status?: string | undefined } & PageParameters = {},
) {
  syncCampaigns(cc)
  const { status } = parseParams(listCampaignsQuery, { status: query.status })
  const ids = [...cc.store.campaigns.values()]
    .filter((c) => status === undefined || c.status === status)
    .map((c) => c.id)
  return pageNewestFirst(ids, query, (id) => campaignToWire(cc, cc.store.campaigns.get(id)!))
}

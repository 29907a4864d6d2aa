import { listClaimsQuery } from '@ecny/protocol'
import { type PageParameters, pageNewestFirst } from '../support/pageNewestFirst.js'
import { parseParams } from '../support/parseParams.js'
import type { CampaignContext } from './campaignContext.js'
import { claimToWire } from './campaignWire.js'
import { readCampaign } from './readCampaign.js'

/** `GET /v1/campaigns/{id}/claims`: a campaign's claims newest first, by wallet and status. */
export function listClaims(
  cc: CampaignContext,
  campaignId: string,
  query: { walletId?: string | undefined; status?: string | undefined } & PageParameters = {},
) {
  const campaign = readCampaign(cc, campaignId)
  const filter = parseParams(listClaimsQuery, { walletId: query.walletId, status: query.status })
  const ids = (cc.store.campaignClaimsByCampaign.get(campaign.id) ?? []).filter((id) => {
    const claim = cc.store.campaignClaims.get(id)!
    return (
      (filter.walletId === undefined || claim.walletId === filter.walletId) &&
      (filter.status === undefined || claim.status === filter.status)
    )
  })
  return pageNewestFirst(ids, query, (id) => claimToWire(cc, cc.store.campaignClaims.get(id)!))
}

/**
 * A red envelope taken back by a refund goes back to its holder while it is still valid
 * (`refundTo: 'holder'`, BOC Suzhou 2022): the clawed-back fen, already back in the budget account,
 * stay reserved for a new held envelope of the same wallet, usable on a later order. The campaign
 * recovers it only when the envelope expires — at the end of the campaign's window by the rails
 * clock, when held benefits expire and their reservation is released. A returned envelope does not
 * count toward the wallet's caps: it is the same benefit, given back.
 */

import { newClaim } from './campaignClaims.js'
import type { CampaignContext } from './campaignContext.js'
import type { CampaignRecord, ClaimRecord } from './campaignState.js'

/** Whether a clawback of this campaign's benefit goes back to the holder rather than the budget. */
export function returnsToHolder(campaign: CampaignRecord, now: number): boolean {
  const rule = campaign.rule
  const live = campaign.status === 'active' || campaign.status === 'paused'
  return rule.type === 'PT01' && rule.refundTo === 'holder' && live && now < campaign.to
}

/** Re-credits `amount` fen of `claim`'s envelope to its holder as a new held claim. */
export function returnEnvelope(
  cc: CampaignContext,
  campaign: CampaignRecord,
  claim: ClaimRecord,
  amount: number,
): ClaimRecord {
  const returned = newClaim(cc, campaign, claim.walletId, {
    status: 'granted',
    amount,
    reservedAmount: amount,
    returnedFrom: claim.id,
  })
  campaign.reserved += amount
  campaign.claims.held++
  campaign.returnedToHolders = (campaign.returnedToHolders ?? 0) + amount
  campaign.returnedCount = (campaign.returnedCount ?? 0) + 1
  return returned
}

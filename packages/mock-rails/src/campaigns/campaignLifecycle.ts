/**
 * The campaign lifecycle by the rails clock: draft → scheduled → active ⇄ paused → ended. A
 * scheduled campaign becomes active at `validity.from` (its budget is funded from the organiser's
 * wallet then) and every live campaign ends at `validity.to`: held benefits expire, undrawn lottery
 * entries lose, and what is left of the budget goes back to the organiser.
 */
import { moveMoney } from '../engine/moveMoney.js'
import { balanceOf } from '../engine/walletGuards.js'
import { RailsError } from '../support/railsError.js'
import { defineStateMachine } from '../support/stateMachine.js'
import type { CampaignContext } from './campaignContext.js'
import type { CampaignEndReason, CampaignRecord, CampaignStatus } from './campaignState.js'
import { payDueRebates } from './rebatePayout.js'
import { releaseToOrganiser } from './releaseToOrganiser.js'

export const campaignStateMachine = defineStateMachine<CampaignStatus>('campaign', {
  draft: ['scheduled', 'ended'],
  scheduled: ['active', 'ended'],
  active: ['paused', 'ended'],
  paused: ['active', 'ended'],
  ended: [],
})

export function assertTransition(campaign: CampaignRecord, next: CampaignStatus): void {
  if (campaignStateMachine.can(campaign.status, next)) return
  throw new RailsError(
    'invalid_state',
    `Campaign ${campaign.id} is ${campaign.status}; it cannot become ${next}.`,
    {
      campaignId: campaign.id,
      status: campaign.status,
      wanted: next,
    },
  )
}

/**
 * Applies the clock: pays the rebates due, starts the due campaigns, ends the ones past their window.
 */
export function syncCampaigns(cc: CampaignContext): void {
  const now = cc.ctx.clock.now()
  payDueRebates(cc, now)
  for (const campaign of cc.store.campaigns.values()) {
    if (campaign.status === 'draft' || campaign.status === 'ended') continue
    if (now >= campaign.to)
      endCampaignRecord(cc, campaign, 'window_closed', Math.max(campaign.to, campaign.activatedAt ?? 0))
    else if (campaign.status === 'scheduled' && now >= campaign.from) activate(cc, campaign)
  }
}

/** scheduled → active: funds the budget account from the organiser's wallet (one journal entry). */
function activate(cc: CampaignContext, campaign: CampaignRecord): void {
  const at = campaign.from
  assertTransition(campaign, 'active')
  if (campaign.funding > 0) {
    const organiser = cc.ctx.state.wallets.get(campaign.organiserWalletId)
    const balance = organiser?.status === 'active' ? balanceOf(cc.ctx, organiser.id) : -1
    if (balance < campaign.funding) {
      endCampaignRecord(cc, campaign, 'funding_failed', at)
      return
    }
    moveMoney(cc.ctx, 'campaign_funding', campaign.id, [
      { walletId: campaign.organiserWalletId, amount: -campaign.funding, kind: 'transfer_out' },
      { account: campaign.budgetAccount, amount: campaign.funding },
    ])
    campaign.funded += campaign.funding
  }
  campaign.status = 'active'
  campaign.activatedAt = at
  campaign.updatedAt = at
}

/**
 * → ended. Held benefits expire (their reservation is released), lottery entries not drawn lose,
 * and the budget account's balance goes back to the organiser's wallet, but for rebates still
 * pending (they are paid from it when due, or released when cancelled).
 */
export function endCampaignRecord(
  cc: CampaignContext,
  campaign: CampaignRecord,
  reason: CampaignEndReason,
  at: number,
): void {
  assertTransition(campaign, 'ended')
  for (const claimId of cc.store.campaignClaimsByCampaign.get(campaign.id) ?? []) {
    const claim = cc.store.campaignClaims.get(claimId)!
    if (claim.status === 'granted' && claim.orderId === null && isHeld(campaign)) {
      claim.status = 'expired'
      campaign.reserved -= claim.reservedAmount
      claim.reservedAmount = 0
      campaign.claims.held--
      campaign.claims.expired++
    } else if (claim.status === 'entered') {
      claim.status = 'lost'
      campaign.claims.entered--
      campaign.claims.lost++
    }
  }
  // What is still reserved now is pending rebates (`rebatePayout`): they stay until paid or cancelled.
  releaseToOrganiser(cc, campaign, cc.ctx.ledger.balanceOf(campaign.budgetAccount) - campaign.reserved)
  campaign.status = 'ended'
  campaign.endReason = reason
  campaign.endedAt = at
  campaign.updatedAt = at
}

/** Whether the campaign's granted claims are benefits held for a later order (vouchers, envelopes, tickets). */
export function isHeld(campaign: CampaignRecord): boolean {
  const type = campaign.rule.type
  return type === 'PT01' || type === 'PT02' || (campaign.rule.allocation === 'lottery' && type !== 'PT07')
}

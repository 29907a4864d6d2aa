import { moveMoney } from '../engine/moveMoney.js'
import type { CampaignContext } from './campaignContext.js'
import type { CampaignRecord } from './campaignState.js'

/**
 * Sends `amount` fen of an ending (or ended) campaign's budget back to its organiser's wallet, one
 * journal entry (`campaign_release`). Nothing moves while the organiser's wallet is not active: the
 * money stays in the budget account.
 */
export function releaseToOrganiser(cc: CampaignContext, campaign: CampaignRecord, amount: number): void {
  const organiser = cc.ctx.state.wallets.get(campaign.organiserWalletId)
  if (amount <= 0 || organiser?.status !== 'active') return
  moveMoney(cc.ctx, 'campaign_release', campaign.id, [
    { account: campaign.budgetAccount, amount: -amount },
    { walletId: organiser.id, amount, kind: 'transfer_in' },
  ])
  campaign.released += amount
}

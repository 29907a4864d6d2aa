import { getWalletRecord } from '../engine/walletGuards.js'
import type { WalletRecord } from '../state/records.js'
import { RailsError } from '../support/railsError.js'
import type { CampaignContext } from './campaignContext.js'

/** The organiser's wallet: a corporate (WT09) one, since the organising institution funds the budget. */
export function requireOrganiser(cc: CampaignContext, walletId: string): WalletRecord {
  const wallet = getWalletRecord(cc.ctx, walletId)
  if (wallet.type !== 'WT09') {
    throw new RailsError(
      'invalid_request',
      'Invalid request: organiserWalletId: must be a corporate (WT09) wallet; campaign budgets are funded by the organising institution.',
      { issues: [{ path: 'organiserWalletId', message: 'must be a WT09 wallet' }] },
    )
  }
  return wallet
}

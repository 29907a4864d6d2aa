import type { Ledger } from '../ledger/ledger.js'
import type { TransferRecord, TransferReward } from '../state/records.js'

/** What the rails tell the campaign engine about a transfer that carried a `campaignId`. */
export type TransferHookInput = {
  campaignId: string
  /** The transfer, already settled (money moved) when the hook runs. */
  transfer: Readonly<TransferRecord>
  /** The ledger, to pay a reward out of a campaign budget account as one balanced entry. */
  ledger: Ledger
  /** Rails clock, epoch ms. */
  now: number
}

/**
 * How the rails call into campaigns. The engine calls these synchronously inside the operation, so a
 * hook that grants a reward does so atomically with the transfer. Replace the default with
 * `createRails({ campaignHooks })`.
 */
export interface CampaignHooks {
  onTransfer(input: TransferHookInput): TransferReward
  /** Campaigns a wallet may join, in protocol shape; the default knows none. */
  eligibleCampaigns?(walletId: string, now: number): unknown[]
}

/** Until the campaign engine exists: no campaign is known, so no reward is granted. */
export const defaultCampaignHooks: CampaignHooks = {
  onTransfer: () => ({ granted: false, reason: 'campaign_not_found' }),
  eligibleCampaigns: () => [],
}

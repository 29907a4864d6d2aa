/**
 * A post-payment rebate (满减 paid back, `rule.rebate`; BoCom Chengdu 2021): after the wallet paid
 * the whole order to the merchant, the campaign's budget pays the discount into the paying wallet —
 * its own journal entry (`campaign_rebate`), a `reward` line in the wallet's history. A refund takes
 * it back under the campaign's refund policy exactly like a discount at payment: the merchant returns
 * order value, the wallet gets `amount − clawback`, the budget `clawback`.
 */
import { moveMoney } from '../engine/moveMoney.js'
import type { CampaignContext } from './campaignContext.js'
import type { CampaignRecord } from './campaignState.js'

export function payRebate(
  cc: CampaignContext,
  campaign: CampaignRecord,
  walletId: string,
  orderId: string,
  amount: number,
): void {
  moveMoney(cc.ctx, 'campaign_rebate', orderId, [
    { account: campaign.budgetAccount, amount: -amount },
    { walletId, amount, kind: 'reward' },
  ])
  campaign.paidOut += amount
  campaign.rebated = (campaign.rebated ?? 0) + amount
}

import { operations } from '@ecny/protocol'
import type { CallOptions, CampaignStats, NotFoundError, RequestErrorType } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { campaignIdSchema } from './campaignInputs.js'

const getCampaignStatsParameters = z.object({ campaignId: campaignIdSchema })

export type GetCampaignStatsParameters = z.input<typeof getCampaignStatsParameters>
/**
 * The stats with what refunds and rebates did (docs/campaigns.md, "Benefits on refund"):
 * `claims.returned` red envelopes a refund gave back to their holders and `amount.returnedToHolders`
 * their fen (`refundTo: 'holder'`); `amount.rebated` 满减 fen paid into wallets after payment (`rebate`);
 * `claims.rebatesPending` / `amount.rebatePending` rebates waiting for their payout delay
 * (`rebate.delayDays`, held in `budget.reserved`), `claims.rebatesCancelled` / `amount.rebateCancelled`
 * those a refund cancelled before it.
 */
export type GetCampaignStatsReturnType = CampaignStats & {
  claims: CampaignStats['claims'] & { returned?: number }
  amount: CampaignStats['amount'] & { rebated?: number; returnedToHolders?: number }
}
/** What getCampaignStats can throw: see each code in docs/errors.md. */
export type GetCampaignStatsErrorType = NotFoundError | RequestErrorType

/**
 * A campaign's reach (distinct wallets), claims (granted, redeemed, held, expired, lottery entries)
 * and money in fen: funded, paid out, clawed back by refunds, spent, released to the organiser, and
 * what remains in the budget account — the same figure as the ledger (`ledger.balance`).
 *
 * @example
 * const { reach, amount } = await getCampaignStats(client, { campaignId })
 * console.log(`${reach} wallets, ${formatYuan(amount.spent)} spent, ${formatYuan(amount.remaining)} left`)
 */
export async function getCampaignStats(
  client: MerchantBaseClient,
  parameters: GetCampaignStatsParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<GetCampaignStatsReturnType> {
  const { campaignId } = parseInput(getCampaignStatsParameters, parameters)
  const stats = await client.request({
    ...fromOperation(operations.getCampaignStats, { id: campaignId }),
    ...options,
  })
  // The refund figures are tolerant like the rest: a gateway without them passes through unchanged.
  return stats as GetCampaignStatsReturnType
}

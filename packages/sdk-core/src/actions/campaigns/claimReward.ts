import { type CampaignClaim, campaignClaim, operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type {
  ConflictError,
  InsufficientFundsError,
  LimitExceededError,
  NotFoundError,
  ResultUnknownError,
} from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { gatewayId, walletIdSchema } from '../inputs.js'

export { type CampaignClaim, campaignClaim }

const claimRewardParameters = z.object({
  campaignId: gatewayId('campaignId'),
  walletId: walletIdSchema,
  /** The transfer or order that qualifies for the reward, when the campaign asks for one. */
  transferId: z.optional(gatewayId('transferId')),
  orderId: z.optional(gatewayId('orderId')),
  /**
   * Your key for this claim (e.g. the button press that made it): the gateway grants at most one
   * claim per key and answers a repeat with the first claim, even across idempotency windows.
   */
  claimKey: z.optional(gatewayId('claimKey')),
})

export type ClaimRewardParameters = z.input<typeof claimRewardParameters>
export type ClaimRewardReturnType = CampaignClaim
/** What claimReward can throw: see each code in docs/errors.md. */
export type ClaimRewardErrorType =
  | NotFoundError
  | ConflictError
  | LimitExceededError
  | InsufficientFundsError
  | ResultUnknownError
  | RequestErrorType

/**
 * Claims a campaign benefit for a wallet: a red envelope (PT01) or voucher (PT02) to use on a later
 * order, a lottery entry, or the reward a transfer earned (`transferId`, for 转账有礼). A claim that
 * names the transfer, the order or a `claimKey` is made once: asking again returns the same claim.
 * Fails with `not_eligible`, `claim_cap_reached` (e.g. once per day; `details.cap`),
 * `budget_exhausted` or `campaign_not_active`. Retries reuse one idempotency key, so a claim is
 * never made twice.
 *
 * @example
 * const claim = await claimReward(client, { campaignId: 'cmp_spring_voucher', walletId })
 * toast(`Voucher worth ${formatYuan(claim.amount ?? 0)} added`)
 */
export async function claimReward(
  client: EcnyBaseClient,
  parameters: ClaimRewardParameters,
  options: CallOptions = {},
): Promise<ClaimRewardReturnType> {
  const { campaignId, ...body } = parseInput(claimRewardParameters, parameters)
  return client.request({
    ...fromOperation(operations.claimCampaign, { id: campaignId }),
    body,
    ...options,
  })
}

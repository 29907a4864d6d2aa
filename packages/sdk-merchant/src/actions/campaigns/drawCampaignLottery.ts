import { operations } from '@ecny/protocol'
import {
  type CallOptions,
  type ConflictError,
  type LotteryAudit,
  type LotteryDraw,
  type NotFoundError,
  type RequestErrorType,
  type VerifyLotteryDrawReturnType,
  verifyLotteryDraw,
} from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { campaignIdSchema } from './campaignInputs.js'

const drawCampaignLotteryParameters = z.object({
  campaignId: campaignIdSchema,
  /** The published seed (e.g. fixed by a notary after entries closed). */
  seed: z
    .string({ error: 'seed must be a string' })
    .check(
      z.minLength(1, { error: 'seed must not be empty' }),
      z.maxLength(256, { error: 'seed must be at most 256 characters' }),
    ),
})

export type DrawCampaignLotteryParameters = z.input<typeof drawCampaignLotteryParameters>
export type DrawCampaignLotteryReturnType = LotteryDraw & {
  /** The SDK re-ran the draw from the audit and the entrant list (`verifyLotteryDraw`). */
  verification: VerifyLotteryDrawReturnType
}

/** What drawCampaignLottery can throw: see each code in docs/errors.md. */
export type DrawCampaignLotteryErrorType = NotFoundError | ConflictError | RequestErrorType

/**
 * Draws a lottery campaign's winners with a seed. Entries close; winners (as many as `budget.count`
 * and the money allow) get the benefit. A lottery is drawn once: drawing again with the same seed
 * returns the same draw. The gateway returns the entrants, the winners and the audit record; the SDK
 * verifies it before returning, so `verification.valid` tells you the draw is the one the seed gives.
 *
 * @example
 * const draw = await drawCampaignLottery(client, { campaignId, seed: '2025-05-01 notary seed 4471' })
 * if (!draw.verification.valid) throw new Error(draw.verification.reason)
 * await archive(draw.audit, draw.entrants) // for the notary
 */
export async function drawCampaignLottery(
  client: MerchantBaseClient,
  parameters: DrawCampaignLotteryParameters,
  options: CallOptions = {},
): Promise<DrawCampaignLotteryReturnType> {
  const { campaignId, seed } = parseInput(drawCampaignLotteryParameters, parameters, 'lottery draw')
  const draw = await client.request({
    ...fromOperation(operations.drawLottery, { id: campaignId }),
    body: { seed },
    ...options,
  })
  const verification = await verifyLotteryDraw(draw.audit as LotteryAudit, draw.entrants)
  return { ...draw, verification }
}

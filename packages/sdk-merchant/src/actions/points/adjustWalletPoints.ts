import { type PointsEntry, pointsOperations } from '@ecny/protocol/points'
import type { CallOptions, InvalidRequestError, NotFoundError, RequestErrorType } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { pointsWalletIdSchema } from './pointsInputs.js'

const adjustWalletPointsParameters = z.object({
  walletId: pointsWalletIdSchema,
  /** Signed whole points; not 0. */
  points: z.number().check(
    z.int({ error: 'points must be a whole number' }),
    z.minimum(-100_000_000),
    z.maximum(100_000_000),
    z.refine((points) => points !== 0, { error: 'points must not be 0' }),
  ),
  /** Why, kept in the ledger (1–200 characters). */
  reason: z.string().check(z.minLength(1), z.maxLength(200)),
})

export type AdjustWalletPointsParameters = z.input<typeof adjustWalletPointsParameters>
export type AdjustWalletPointsReturnType = PointsEntry
/** What adjustWalletPoints can throw: see each code in docs/errors.md. */
export type AdjustWalletPointsErrorType = InvalidRequestError | NotFoundError | RequestErrorType

/**
 * A campaign team's correction of a wallet's points, credited at once and kept in the ledger with its
 * reason. A negative adjustment may take the balance below zero (which then blocks redemption).
 *
 * @example
 * await client.campaigns.points.adjust({ walletId, points: 50, reason: 'goodwill, ticket 1234' })
 */
export async function adjustWalletPoints(
  client: MerchantBaseClient,
  parameters: AdjustWalletPointsParameters,
  options: CallOptions = {},
): Promise<AdjustWalletPointsReturnType> {
  const { walletId, points, reason } = parseInput(adjustWalletPointsParameters, parameters)
  return client.request({
    ...fromOperation(pointsOperations.adjustPoints, { id: walletId }),
    body: { points, reason },
    ...options,
  })
}

import { type PointsEntry, pointsOperations } from '@ecny/protocol/points'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { ConflictError, InvalidRequestError, NotFoundError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { walletIdSchema } from '../inputs.js'

const redeemPointsParameters = z.object({
  walletId: walletIdSchema,
  /** The wallet's succeeded payment the points are taken against. */
  orderId: z.string().check(z.minLength(1), z.maxLength(64)),
  /** Whole points, at least 1. */
  points: z.number().check(z.int(), z.minimum(1), z.maximum(100_000_000)),
})

export type RedeemPointsParameters = z.input<typeof redeemPointsParameters>
export type RedeemPointsReturnType = PointsEntry
/**
 * What redeemPoints can throw: `points_balance_negative`, `points_insufficient`,
 * `points_redemption_cap_reached` (`ConflictError`), `invalid_state` for an order that is not the
 * wallet's succeeded payment; see each code in docs/errors.md.
 */
export type RedeemPointsErrorType = ConflictError | InvalidRequestError | NotFoundError | RequestErrorType

/**
 * Redeems points against one of the wallet's payments: the entry's `value` is the fen they were worth
 * (`points × fenPerPoint`); a refund of the order returns them. Refused while the balance is negative,
 * beyond the balance, and after the day's redemptions (default 3).
 *
 * @example
 * const entry = await redeemPoints(client, { walletId, orderId: order.id, points: 100 })
 * entry.value // 100 (fen)
 */
export async function redeemPoints(
  client: EcnyBaseClient,
  parameters: RedeemPointsParameters,
  options: CallOptions = {},
): Promise<RedeemPointsReturnType> {
  const { walletId, orderId, points } = parseInput(redeemPointsParameters, parameters)
  return client.request({
    ...fromOperation(pointsOperations.redeemPoints, { id: walletId }),
    body: { orderId, points },
    ...options,
  })
}

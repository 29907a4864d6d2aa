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
  /** The open (unpaid) QR or in-app order the points pay part of; the wallet then pays it. */
  orderId: z.string().check(z.minLength(1), z.maxLength(64)),
  /** Whole points, at least 1. */
  points: z.number().check(z.int(), z.minimum(1), z.maximum(100_000_000)),
})

export type RedeemPointsParameters = z.input<typeof redeemPointsParameters>
export type RedeemPointsReturnType = PointsEntry
/**
 * What redeemPoints can throw (`ConflictError` unless said): `points_order_not_open` (the order is
 * paid, closed, charged by the merchant, or carries another wallet's points), `points_balance_negative`,
 * `points_insufficient`, `points_redemption_cap_reached`, `points_exceed_order` (worth more than what
 * is left of the order), `points_fund_insufficient` (the programme's fund cannot pay them);
 * `not_found` (`NotFoundError`) for an unknown order; see each code in docs/errors.md.
 */
export type RedeemPointsErrorType = ConflictError | InvalidRequestError | NotFoundError | RequestErrorType

/**
 * Redeems points against an open order before the wallet pays it: the entry's `value` is the fen they
 * are worth (`points × fenPerPoint`), which the points programme's fund pays the merchant, so the
 * wallet pays that much less (the order's `amountDue`; the merchant still receives the whole amount).
 * The points come back if the order closes unpaid or another wallet pays it, and in proportion on a
 * refund. Refused while the balance is negative, beyond the balance, after the day's redemptions
 * (default 3), beyond the order, and beyond what the fund can pay. See docs/campaigns.md (Points).
 *
 * @example
 * const entry = await redeemPoints(client, { walletId, orderId: order.id, points: 100 })
 * entry.value // 100 (fen)
 * await client.payments.pay({ orderId: order.id, walletId }) // charged order.amount − 100
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

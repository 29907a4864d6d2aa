import { type PointsFund, pointsOperations } from '@ecny/protocol/points'
import {
  type CallOptions,
  type InvalidRequestError,
  positiveFenSchema,
  type RequestErrorType,
} from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'

const depositToPointsFundParameters = z.object({
  /** Fen brought into the fund from outside the rails (the organiser's bank), at least 1. */
  amount: positiveFenSchema,
})

export type DepositToPointsFundParameters = z.input<typeof depositToPointsFundParameters>
export type PointsFundReturnType = PointsFund
/** What the points fund calls can throw: see each code in docs/errors.md. */
export type PointsFundErrorType = InvalidRequestError | RequestErrorType

/**
 * The points programme's fund, which pays merchants the part of an order its payer paid with points:
 * `balance` (its ledger account), `reserved` (points held against orders still open), `available`
 * (what new redemptions may use), and the totals deposited, paid out and returned by refunds. See
 * docs/campaigns.md (Points).
 *
 * @example
 * const { available, reserved } = await client.campaigns.points.fund()
 */
export async function getPointsFund(
  client: MerchantBaseClient,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<PointsFundReturnType> {
  return client.request({ ...fromOperation(pointsOperations.getPointsFund), ...options })
}

/**
 * Puts money into the points programme's fund; until it holds enough, redemptions are refused with
 * `points_fund_insufficient`.
 *
 * @example
 * await client.campaigns.points.deposit({ amount: 1_000_000 }) // ¥10,000
 */
export async function depositToPointsFund(
  client: MerchantBaseClient,
  parameters: DepositToPointsFundParameters,
  options: CallOptions = {},
): Promise<PointsFundReturnType> {
  const body = parseInput(depositToPointsFundParameters, parameters)
  return client.request({ ...fromOperation(pointsOperations.fundPoints), body, ...options })
}

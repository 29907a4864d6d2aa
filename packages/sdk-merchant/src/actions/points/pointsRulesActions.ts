import { type PointsRules, pointsOperations } from '@ecny/protocol/points'
import type { CallOptions, InvalidRequestError, RequestErrorType } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'

const count = z.optional(z.number().check(z.int({ error: 'must be a whole number' }), z.minimum(0)))
const updatePointsRulesParameters = z.object({
  newWallet: count,
  perTransfer: count,
  perTopUp: count,
  creditAfterWorkingDays: count,
  validForDays: z.optional(z.number().check(z.int(), z.minimum(1))),
  redemptionsPerDay: count,
  fenPerPoint: z.optional(z.number().check(z.int(), z.minimum(1))),
})

export type UpdatePointsRulesParameters = z.input<typeof updatePointsRulesParameters>
export type PointsRulesReturnType = PointsRules
/** What the points rules calls can throw: see each code in docs/errors.md. */
export type PointsRulesErrorType = InvalidRequestError | RequestErrorType

/**
 * The points programme's rules (defaults from ABC Suzhou 2023; see docs/campaigns.md).
 *
 * @example
 * const { perTransfer, redemptionsPerDay } = await client.campaigns.points.rules()
 */
export async function getPointsRules(
  client: MerchantBaseClient,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<PointsRulesReturnType> {
  return client.request({ ...fromOperation(pointsOperations.getPointsRules), ...options })
}

/**
 * Changes some of the points programme's rules; entries already made keep the rules they were made under.
 *
 * @example
 * await client.campaigns.points.updateRules({ redemptionsPerDay: 5 })
 */
export async function updatePointsRules(
  client: MerchantBaseClient,
  parameters: UpdatePointsRulesParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<PointsRulesReturnType> {
  const body = parseInput(updatePointsRulesParameters, parameters)
  return client.request({ ...fromOperation(pointsOperations.updatePointsRules), body, ...options })
}

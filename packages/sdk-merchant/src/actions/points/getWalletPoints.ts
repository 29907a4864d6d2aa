import { type PointsBalance, pointsOperations } from '@ecny/protocol/points'
import type { CallOptions, NotFoundError, RequestErrorType } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { pointsWalletIdSchema } from './pointsInputs.js'

const getWalletPointsParameters = z.object({ walletId: pointsWalletIdSchema })

export type GetWalletPointsParameters = z.input<typeof getWalletPointsParameters>
export type GetWalletPointsReturnType = PointsBalance
/** What getWalletPoints can throw: see each code in docs/errors.md. */
export type GetWalletPointsErrorType = NotFoundError | RequestErrorType

/**
 * A campaign team's view of one wallet's points: credited balance, pending, redemptions left today,
 * next expiry. See docs/campaigns.md (Points).
 *
 * @example
 * const { balance, pending } = await client.campaigns.points.get({ walletId })
 */
export async function getWalletPoints(
  client: MerchantBaseClient,
  parameters: GetWalletPointsParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<GetWalletPointsReturnType> {
  const { walletId } = parseInput(getWalletPointsParameters, parameters)
  return client.request({ ...fromOperation(pointsOperations.getPoints, { id: walletId }), ...options })
}

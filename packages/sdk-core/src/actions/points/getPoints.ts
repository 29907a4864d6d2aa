import { type PointsBalance, pointsOperations } from '@ecny/protocol/points'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { NotFoundError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { walletIdSchema } from '../inputs.js'

const getPointsParameters = z.object({ walletId: walletIdSchema })

export type GetPointsParameters = z.input<typeof getPointsParameters>
export type GetPointsReturnType = PointsBalance
/** What getPoints can throw: see each code in docs/errors.md. */
export type GetPointsErrorType = NotFoundError | RequestErrorType

/**
 * Reads a wallet's points (PT07 and the points programme): `balance` credited (negative after a
 * refund took points back), `pending` not yet credited, redemptions left today and the next expiry.
 * Points are integers and not money. A wallet token may read its own wallet. See docs/wallets.md.
 *
 * @example
 * const { balance, pending } = await getPoints(client, { walletId })
 */
export async function getPoints(
  client: EcnyBaseClient,
  parameters: GetPointsParameters,
  options: CallOptions = {},
): Promise<GetPointsReturnType> {
  const { walletId } = parseInput(getPointsParameters, parameters)
  return client.request({ ...fromOperation(pointsOperations.getPoints, { id: walletId }), ...options })
}

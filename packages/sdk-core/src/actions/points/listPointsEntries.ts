import { type PointsEntry, pointsEntry, pointsOperations } from '@ecny/protocol/points'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { NotFoundError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import { paginate } from '../../transport/paginate.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { pageSizeSchema, walletIdSchema } from '../inputs.js'

const listPointsEntriesParameters = z.object({ walletId: walletIdSchema, pageSize: pageSizeSchema })

export type ListPointsEntriesParameters = z.input<typeof listPointsEntriesParameters>
export type ListPointsEntriesReturnType = AsyncGenerator<PointsEntry, void, undefined>
/** What listPointsEntries can throw: see each code in docs/errors.md. */
export type ListPointsEntriesErrorType = NotFoundError | RequestErrorType

/**
 * A wallet's points ledger, newest first, page by page as you read: every accrual, reversal,
 * redemption, return, expiry and adjustment. The credited balance is the sum of the credited entries.
 *
 * @example
 * for await (const entry of listPointsEntries(client, { walletId })) console.log(entry.kind, entry.points)
 */
export function listPointsEntries(
  client: EcnyBaseClient,
  parameters: ListPointsEntriesParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): ListPointsEntriesReturnType {
  const { walletId, pageSize } = parseInput(listPointsEntriesParameters, parameters)
  const { path, operation, route } = fromOperation(pointsOperations.listPointsEntries, { id: walletId })
  return paginate(client, { path, operation, route, item: pointsEntry, pageSize, ...options })
}

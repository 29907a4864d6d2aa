import { type PointsEntry, pointsOperations } from '@ecny/protocol/points'
import type { CallOptions, NotFoundError, RequestErrorType } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { pageShape } from '../campaigns/campaignInputs.js'
import { pointsWalletIdSchema } from './pointsInputs.js'

const listWalletPointsEntriesParameters = z.object({ walletId: pointsWalletIdSchema, ...pageShape })

export type ListWalletPointsEntriesParameters = z.input<typeof listWalletPointsEntriesParameters>
export type ListWalletPointsEntriesReturnType = { data: PointsEntry[]; nextCursor: string | null }
/** What listWalletPointsEntries can throw: see each code in docs/errors.md. */
export type ListWalletPointsEntriesErrorType = NotFoundError | RequestErrorType

/**
 * One page of a wallet's points ledger, newest first (pass `nextCursor` back as `cursor`): to inspect
 * why a balance is what it is — accruals, reversals on refund, redemptions, expiries, adjustments.
 *
 * @example
 * const { data } = await client.campaigns.points.entries({ walletId, limit: 50 })
 */
export async function listWalletPointsEntries(
  client: MerchantBaseClient,
  parameters: ListWalletPointsEntriesParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<ListWalletPointsEntriesReturnType> {
  const { walletId, ...query } = parseInput(listWalletPointsEntriesParameters, parameters)
  return client.request({
    ...fromOperation(pointsOperations.listPointsEntries, { id: walletId }),
    query,
    ...options,
  })
}

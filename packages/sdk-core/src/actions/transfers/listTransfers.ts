import { operations, type Transfer, transfer } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { NotFoundError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import { paginate } from '../../transport/paginate.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { pageSizeSchema, walletIdSchema } from '../inputs.js'

const listTransfersParameters = z.object({ walletId: walletIdSchema, pageSize: pageSizeSchema })

export type ListTransfersParameters = z.input<typeof listTransfersParameters>
export type ListTransfersReturnType = AsyncGenerator<Transfer, void, undefined>
/** What listTransfers can throw: see each code in docs/errors.md. */
export type ListTransfersErrorType = NotFoundError | RequestErrorType

/**
 * Transfers the wallet sent or received, newest first, as an async iterator fetching pages as you
 * read.
 *
 * @example
 * for await (const transfer of listTransfers(client, { walletId })) {
 *   const sign = transfer.fromWalletId === walletId ? '-' : '+'
 *   console.log(sign + formatYuan(transfer.amount))
 * }
 */
export function listTransfers(
  client: EcnyBaseClient,
  parameters: ListTransfersParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): ListTransfersReturnType {
  const { walletId, pageSize } = parseInput(listTransfersParameters, parameters)
  const { path, operation, route } = fromOperation(operations.listWalletTransfers, { id: walletId })
  return paginate(client, {
    path,
    operation,
    route,
    item: transfer,
    pageSize,
    ...options,
  })
}

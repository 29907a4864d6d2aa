import { operations, type WalletTransaction, walletTransaction } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { NotFoundError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import { paginate } from '../../transport/paginate.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { pageSizeSchema, walletIdSchema } from '../inputs.js'

const listWalletTransactionsParameters = z.object({ walletId: walletIdSchema, pageSize: pageSizeSchema })

export type ListWalletTransactionsParameters = z.input<typeof listWalletTransactionsParameters>
export type ListWalletTransactionsReturnType = AsyncGenerator<WalletTransaction, void, undefined>
/** What listWalletTransactions can throw: see each code in docs/errors.md. */
export type ListWalletTransactionsErrorType = NotFoundError | RequestErrorType

/**
 * The wallet's history, newest first, as an async iterator that fetches page after page (`pageSize`
 * items each, default 50) only as you read. Stop with `break` and nothing more is fetched. The
 * parameters are checked when you call it, before the first page is asked for.
 *
 * @example
 * for await (const tx of listWalletTransactions(client, { walletId })) {
 *   console.log(tx.kind, tx.direction, formatYuan(tx.amount))
 * }
 */
export function listWalletTransactions(
  client: EcnyBaseClient,
  parameters: ListWalletTransactionsParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): ListWalletTransactionsReturnType {
  const { walletId, pageSize } = parseInput(listWalletTransactionsParameters, parameters)
  const { path, operation, route } = fromOperation(operations.listTransactions, { id: walletId })
  return paginate(client, {
    path,
    operation,
    route,
    item: walletTransaction,
    pageSize,
    ...options,
  })
}

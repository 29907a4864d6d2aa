import { operations, type SubWallet, subWallet } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { NotFoundError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import { paginate } from '../../transport/paginate.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { walletIdSchema } from '../inputs.js'

const listSubWalletsParameters = z.object({ walletId: walletIdSchema })

export type ListSubWalletsParameters = z.input<typeof listSubWalletsParameters>
export type ListSubWalletsReturnType = SubWallet[]
/** What listSubWallets can throw: see each code in docs/errors.md. */
export type ListSubWalletsErrorType = NotFoundError | RequestErrorType

/**
 * Every sub-wallet the wallet has pushed to merchants, active and revoked.
 *
 * @example
 * const subs = await listSubWallets(client, { walletId })
 * const active = subs.filter((sub) => sub.status === 'active')
 */
export async function listSubWallets(
  client: EcnyBaseClient,
  parameters: ListSubWalletsParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<ListSubWalletsReturnType> {
  const { walletId } = parseInput(listSubWalletsParameters, parameters)
  const all: SubWallet[] = []
  const { path, operation, route } = fromOperation(operations.listSubWallets, { id: walletId })
  const pages = paginate(client, {
    path,
    operation,
    route,
    item: subWallet,
    ...options,
  })
  for await (const sub of pages) all.push(sub)
  return all
}

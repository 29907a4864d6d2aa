import {
  type CorporateSubWallet,
  corporateSubWallet,
  corporateWalletOperations,
} from '@ecny/protocol/corporate'
import * as z from 'zod/mini'
import { walletIdSchema } from '../actions/inputs.js'
import type { EcnyBaseClient } from '../client/createBaseClient.js'
import type { NotFoundError } from '../errors/EcnyError.js'
import type { RequestErrorType } from '../errors/RequestErrorType.js'
import { fromOperation } from '../transport/fromOperation.js'
import { paginate } from '../transport/paginate.js'
import type { CallOptions } from '../transport/request.js'
import { parseInput } from '../validation/parseInput.js'

const listParameters = z.object({ walletId: walletIdSchema })

export type ListCorporateSubWalletsParameters = z.input<typeof listParameters>
export type ListCorporateSubWalletsReturnType = CorporateSubWallet[]
/** What listCorporateSubWallets can throw: see each code in docs/errors.md. */
export type ListCorporateSubWalletsErrorType = NotFoundError | RequestErrorType

/**
 * Every WT10 sub-wallet of a company's WT09 wallet, with its caps, balance (`available`) and spend
 * today (`usedToday`). Each one's statement is `wallets.transactions({ walletId: sub.id })`.
 *
 * @example
 * const units = await listCorporateSubWallets(client, { walletId: companyWalletId })
 */
export async function listCorporateSubWallets(
  client: EcnyBaseClient,
  parameters: ListCorporateSubWalletsParameters,
  options: Omit<CallOptions, 'idempotencyKey'> = {},
): Promise<ListCorporateSubWalletsReturnType> {
  const { walletId } = parseInput(listParameters, parameters)
  const { path, operation, route } = fromOperation(corporateWalletOperations.listCorporateSubWallets, {
    id: walletId,
  })
  const all: CorporateSubWallet[] = []
  for await (const unit of paginate(client, {
    path,
    operation,
    route,
    item: corporateSubWallet,
    ...options,
  })) {
    all.push(unit)
  }
  return all
}

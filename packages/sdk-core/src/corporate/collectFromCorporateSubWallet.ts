import { type CorporateFundsMovement, corporateWalletOperations } from '@ecny/protocol/corporate'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../client/createBaseClient.js'
import type { InsufficientFundsError, NotFoundError } from '../errors/EcnyError.js'
import type { RequestErrorType } from '../errors/RequestErrorType.js'
import { fromOperation } from '../transport/fromOperation.js'
import type { CallOptions } from '../transport/request.js'
import { parseInput } from '../validation/parseInput.js'
import { corporateAmountSchema, corporateMovementShape } from './corporateInputs.js'

const collectParameters = z.object({ ...corporateMovementShape, amount: z.optional(corporateAmountSchema) })

export type CollectFromCorporateSubWalletParameters = z.input<typeof collectParameters>
export type CollectFromCorporateSubWalletReturnType = CorporateFundsMovement
/** What collectFromCorporateSubWallet can throw: see each code in docs/errors.md. */
export type CollectFromCorporateSubWalletErrorType = InsufficientFundsError | NotFoundError | RequestErrorType

/**
 * Collects funds from a WT10 sub-wallet back to the company's WT09 wallet (资金归集): `amount` fen, or
 * without it the sub-wallet's whole balance (`invalid_request` if it is empty).
 *
 * @example
 * // End of day: sweep every store's takings back to the company wallet.
 * for (const store of await listCorporateSubWallets(client, { walletId: companyWalletId })) {
 *   if (store.available > 0) await collectFromCorporateSubWallet(client, { walletId: companyWalletId, subWalletId: store.id })
 * }
 */
export async function collectFromCorporateSubWallet(
  client: EcnyBaseClient,
  parameters: CollectFromCorporateSubWalletParameters,
  options: CallOptions = {},
): Promise<CollectFromCorporateSubWalletReturnType> {
  const { walletId, ...body } = parseInput(collectParameters, parameters)
  return client.request({
    ...fromOperation(corporateWalletOperations.collectFromCorporateSubWallet, { id: walletId }),
    body,
    ...options,
  })
}

import { type ClosedCorporateSubWallet, corporateWalletOperations } from '@ecny/protocol/corporate'
import * as z from 'zod/mini'
import { walletIdSchema } from '../actions/inputs.js'
import type { EcnyBaseClient } from '../client/createBaseClient.js'
import type { ConflictError, NotFoundError } from '../errors/EcnyError.js'
import type { RequestErrorType } from '../errors/RequestErrorType.js'
import { fromOperation } from '../transport/fromOperation.js'
import type { CallOptions } from '../transport/request.js'
import { parseInput } from '../validation/parseInput.js'
import { corporateMovementShape } from './corporateInputs.js'

const closeParameters = z.object({
  walletId: walletIdSchema,
  subWalletId: walletIdSchema,
  /** A note kept with the closing collection: at most 64 characters. */
  memo: corporateMovementShape.memo,
})

export type CloseCorporateSubWalletParameters = z.input<typeof closeParameters>
export type CloseCorporateSubWalletReturnType = ClosedCorporateSubWallet
/** What closeCorporateSubWallet can throw: see each code in docs/errors.md. */
export type CloseCorporateSubWalletErrorType = NotFoundError | ConflictError | RequestErrorType

/**
 * Closes a WT10 sub-wallet of the company's WT09 wallet: its whole balance goes back to the parent in
 * one collection (`collection`, `null` when it was empty), then it is closed. Afterwards it refuses
 * payments, allocations and incoming money with `wallet_closed`; it stays in
 * `listCorporateSubWallets` (status `closed`, `closedAt`) and its statement stays readable. Retries
 * reuse one idempotency key, so the balance is never collected twice.
 *
 * @example
 * const { subWallet, collection } = await closeCorporateSubWallet(client, {
 *   walletId: companyWalletId, subWalletId: store.id, memo: '门店关闭',
 * })
 * collection?.amount // what came back to the company wallet, in fen
 */
export async function closeCorporateSubWallet(
  client: EcnyBaseClient,
  parameters: CloseCorporateSubWalletParameters,
  options: CallOptions = {},
): Promise<CloseCorporateSubWalletReturnType> {
  const { walletId, subWalletId, ...body } = parseInput(closeParameters, parameters)
  return client.request({
    ...fromOperation(corporateWalletOperations.closeCorporateSubWallet, { id: walletId, subWalletId }),
    body,
    ...options,
  })
}

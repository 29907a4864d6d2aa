import { type CorporateFundsMovement, corporateWalletOperations } from '@ecny/protocol/corporate'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../client/createBaseClient.js'
import type { InsufficientFundsError, LimitExceededError, NotFoundError } from '../errors/EcnyError.js'
import type { RequestErrorType } from '../errors/RequestErrorType.js'
import { fromOperation } from '../transport/fromOperation.js'
import type { CallOptions } from '../transport/request.js'
import { parseInput } from '../validation/parseInput.js'
import { corporateAmountSchema, corporateMovementShape } from './corporateInputs.js'

const allocateParameters = z.object({ ...corporateMovementShape, amount: corporateAmountSchema })

export type AllocateToCorporateSubWalletParameters = z.input<typeof allocateParameters>
export type AllocateToCorporateSubWalletReturnType = CorporateFundsMovement
/** What allocateToCorporateSubWallet can throw: see each code in docs/errors.md. */
export type AllocateToCorporateSubWalletErrorType =
  | InsufficientFundsError
  | LimitExceededError
  | NotFoundError
  | RequestErrorType

/**
 * Allocates `amount` fen from the company's WT09 wallet to one of its WT10 sub-wallets. Refused with
 * `insufficient_funds` when the parent holds less, `limit_exceeded` when the sub-wallet's balance cap
 * would be passed. Retries reuse one idempotency key, so an allocation never happens twice.
 *
 * @example
 * await allocateToCorporateSubWallet(client, { walletId: companyWalletId, subWalletId: store.id, amount: 1_000_000 })
 */
export async function allocateToCorporateSubWallet(
  client: EcnyBaseClient,
  parameters: AllocateToCorporateSubWalletParameters,
  options: CallOptions = {},
): Promise<AllocateToCorporateSubWalletReturnType> {
  const { walletId, ...body } = parseInput(allocateParameters, parameters)
  return client.request({
    ...fromOperation(corporateWalletOperations.allocateToCorporateSubWallet, { id: walletId }),
    body,
    ...options,
  })
}

import type { WalletTransaction } from '@ecny/protocol'
import { operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type {
  ConflictError,
  InsufficientFundsError,
  LimitExceededError,
  NotFoundError,
  ResultUnknownError,
} from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { bankCardSchema } from '../../ids/schemas.js'
import { positiveFenSchema } from '../../money/schemas.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { walletIdSchema } from '../inputs.js'

const redeemFromWalletParameters = z.object({
  walletId: walletIdSchema,
  /** Fen to move from the wallet back to the bank card. */
  amount: positiveFenSchema,
  /** The card to pay into, for wallets without a linked card (WL04, WL03). */
  bankCard: z.optional(bankCardSchema),
})

export type RedeemFromWalletParameters = z.input<typeof redeemFromWalletParameters>
export type RedeemFromWalletReturnType = WalletTransaction
/** What redeemFromWallet can throw: see each code in docs/errors.md. */
export type RedeemFromWalletErrorType =
  | NotFoundError
  | ConflictError
  | LimitExceededError
  | InsufficientFundsError
  | ResultUnknownError
  | RequestErrorType

/**
 * Moves money from the wallet back to a bank card (兑出). Fails with `insufficient_funds` when the
 * wallet holds less.
 *
 * @example
 * const { available } = await getBalance(client, { walletId })
 * await redeemFromWallet(client, { walletId, amount: available, bankCard: '6222020000000007' })
 */
export async function redeemFromWallet(
  client: EcnyBaseClient,
  parameters: RedeemFromWalletParameters,
  options: CallOptions = {},
): Promise<RedeemFromWalletReturnType> {
  const { walletId, ...body } = parseInput(redeemFromWalletParameters, parameters)
  return client.request({
    ...fromOperation(operations.redeem, { id: walletId }),
    body,
    ...options,
  })
}

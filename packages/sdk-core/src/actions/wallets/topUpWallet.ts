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
import { assertWithinLimits } from '../../limits/assertWithinLimits.js'
import { precheckShape } from '../../limits/precheckOptions.js'
import { positiveFenSchema } from '../../money/schemas.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { walletIdSchema } from '../inputs.js'

const topUpWalletParameters = z.object({
  walletId: walletIdSchema,
  /** Fen to move from the bank card into the wallet. */
  amount: positiveFenSchema,
  /** The card to pay from, for wallets without a linked card (WL04, WL03). */
  bankCard: z.optional(bankCardSchema),
  ...precheckShape,
})

export type TopUpWalletParameters = z.input<typeof topUpWalletParameters>
export type TopUpWalletReturnType = WalletTransaction
/** What topUpWallet can throw: see each code in docs/errors.md. */
export type TopUpWalletErrorType =
  | NotFoundError
  | ConflictError
  | LimitExceededError
  | InsufficientFundsError
  | ResultUnknownError
  | RequestErrorType

/**
 * Moves money from a bank card into the wallet (兑入). Wallets with a linked card (WL02, WL01) or a
 * settlement account (WT09) use it; WL04 and WL03 wallets name a `bankCard`. The wallet's balance
 * cap is pre-checked (`limit_exceeded` with `cap: 'balance'`, nothing sent) unless `precheck: false`;
 * the gateway enforces it either way.
 *
 * @example
 * const tx = await topUpWallet(client, { walletId, amount: parseYuan('500'), bankCard: '6222020000000007' })
 * tx.balanceAfter // 50000
 */
export async function topUpWallet(
  client: EcnyBaseClient,
  parameters: TopUpWalletParameters,
  options: CallOptions = {},
): Promise<TopUpWalletReturnType> {
  const { walletId, amount, bankCard, precheck, limitDefaults } = parseInput(
    topUpWalletParameters,
    parameters,
  )
  if (precheck !== false) {
    await assertWithinLimits(
      client,
      { walletId, amount, direction: 'credit', kind: 'top-up', limitDefaults },
      options,
    )
  }
  return client.request({
    ...fromOperation(operations.topUp, { id: walletId }),
    body: { amount, bankCard },
    ...options,
  })
}

import type { Wallet } from '@ecny/protocol'
import { operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { ConflictError, NotFoundError, ResultUnknownError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { walletIdSchema } from '../inputs.js'

const closeWalletParameters = z.object({ walletId: walletIdSchema })

export type CloseWalletParameters = z.input<typeof closeWalletParameters>
export type CloseWalletReturnType = Wallet
/** What closeWallet can throw: see each code in docs/errors.md. */
export type CloseWalletErrorType = NotFoundError | ConflictError | ResultUnknownError | RequestErrorType

/**
 * Closes a wallet. Its balance must be zero (`wallet_not_empty` otherwise: redeem or transfer the
 * money out first); its sub-wallets are revoked and its payment code retired. A closed wallet
 * refuses every movement with `wallet_closed` but can still be read.
 *
 * @example
 * const { available } = await getBalance(client, { walletId })
 * if (available > 0) await redeemFromWallet(client, { walletId, amount: available })
 * const closed = await closeWallet(client, { walletId })
 * closed.status // 'closed'
 */
export async function closeWallet(
  client: EcnyBaseClient,
  parameters: CloseWalletParameters,
  options: CallOptions = {},
): Promise<CloseWalletReturnType> {
  const { walletId } = parseInput(closeWalletParameters, parameters)
  return client.request({
    ...fromOperation(operations.closeWallet, { id: walletId }),
    body: {},
    ...options,
  })
}

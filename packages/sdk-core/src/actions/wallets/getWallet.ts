import type { Wallet } from '@ecny/protocol'
import { operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { NotFoundError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { walletIdSchema } from '../inputs.js'

const getWalletParameters = z.object({ walletId: walletIdSchema })

export type GetWalletParameters = z.input<typeof getWalletParameters>
export type GetWalletReturnType = Wallet
/** What getWallet can throw: see each code in docs/errors.md. */
export type GetWalletErrorType = NotFoundError | RequestErrorType

/**
 * Reads a wallet: type, level, status and the holder's identity (masked by the gateway). Closed
 * wallets can still be read.
 *
 * @example
 * const wallet = await getWallet(client, { walletId: '0099000000000001' })
 * wallet.level // 'WL04'
 */
export async function getWallet(
  client: EcnyBaseClient,
  parameters: GetWalletParameters,
  options: CallOptions = {},
): Promise<GetWalletReturnType> {
  const { walletId } = parseInput(getWalletParameters, parameters)
  return client.request({
    ...fromOperation(operations.getWallet, { id: walletId }),
    ...options,
  })
}

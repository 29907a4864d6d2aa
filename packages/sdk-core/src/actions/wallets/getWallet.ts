import type { Wallet } from '@ecny/protocol'
import { operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { walletIdSchema } from '../inputs.js'

const getWalletParameters = z.object({ walletId: walletIdSchema })

export type GetWalletParameters = z.input<typeof getWalletParameters>
export type GetWalletReturnType = Wallet

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

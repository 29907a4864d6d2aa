import type { Balance } from '@ecny/protocol'
import { operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { walletIdSchema } from '../inputs.js'

const getBalanceParameters = z.object({ walletId: walletIdSchema })

export type GetBalanceParameters = z.input<typeof getBalanceParameters>
export type GetBalanceReturnType = Balance

/**
 * Reads a wallet's available balance in fen.
 *
 * @example
 * const { available } = await getBalance(client, { walletId })
 * formatYuan(available) // '120.00'
 */
export async function getBalance(
  client: EcnyBaseClient,
  parameters: GetBalanceParameters,
  options: CallOptions = {},
): Promise<GetBalanceReturnType> {
  const { walletId } = parseInput(getBalanceParameters, parameters)
  return client.request({
    ...fromOperation(operations.getBalance, { id: walletId }),
    ...options,
  })
}

import type { Balance } from '@ecny/protocol'
import { operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { NotFoundError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { walletIdSchema } from '../inputs.js'

const getBalanceParameters = z.object({ walletId: walletIdSchema })

export type GetBalanceParameters = z.input<typeof getBalanceParameters>
export type GetBalanceReturnType = Balance
/** What getBalance can throw: see each code in docs/errors.md. */
export type GetBalanceErrorType = NotFoundError | RequestErrorType

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

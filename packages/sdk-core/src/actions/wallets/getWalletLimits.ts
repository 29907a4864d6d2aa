import type { WalletLimits } from '@ecny/protocol'
import { operations } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EcnyBaseClient } from '../../client/createBaseClient.js'
import type { NotFoundError } from '../../errors/EcnyError.js'
import type { RequestErrorType } from '../../errors/RequestErrorType.js'
import { fromOperation } from '../../transport/fromOperation.js'
import type { CallOptions } from '../../transport/request.js'
import { parseInput } from '../../validation/parseInput.js'
import { walletIdSchema } from '../inputs.js'

const getWalletLimitsParameters = z.object({ walletId: walletIdSchema })

export type GetWalletLimitsParameters = z.input<typeof getWalletLimitsParameters>
export type GetWalletLimitsReturnType = WalletLimits
/** What getWalletLimits can throw: see each code in docs/errors.md. */
export type GetWalletLimitsErrorType = NotFoundError | RequestErrorType

/**
 * Reads a wallet's caps as the gateway applies them (balance, single, daily, annual; `null` = no
 * cap), how much of the daily and annual caps is used, the balance, and when the counters reset.
 * Pass the result to `checkLimits` to check an amount in a UI.
 *
 * @example
 * const limits = await getWalletLimits(client, { walletId })
 * limits.caps.single // 200000 (¥2,000.00 for a WL04 wallet)
 * limits.used.today // 35000
 */
export async function getWalletLimits(
  client: EcnyBaseClient,
  parameters: GetWalletLimitsParameters,
  options: CallOptions = {},
): Promise<GetWalletLimitsReturnType> {
  const { walletId } = parseInput(getWalletLimitsParameters, parameters)
  return client.request({
    ...fromOperation(operations.getWalletLimits, { id: walletId }),
    ...options,
  })
}

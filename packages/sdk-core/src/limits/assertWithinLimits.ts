import { getWallet } from '../actions/wallets/getWallet.js'
import type { EcnyBaseClient } from '../client/createBaseClient.js'
import type { CallOptions } from '../transport/request.js'
import { type CheckLimitsOptions, checkLimits, walletClosed } from './checkLimits.js'
import type { LimitDefaultsOverride } from './defaultWalletLimits.js'
import { getLimitsForCheck } from './getLimitsForCheck.js'

export type AssertWithinLimitsParameters = {
  walletId: string
  amount: number
  limitDefaults?: LimitDefaultsOverride | undefined
} & CheckLimitsOptions

/**
 * Fetches the wallet's limits and throws `limit_exceeded`, `insufficient_funds` or `wallet_closed`
 * if the amount would break a cap or the balance: the pre-check actions run before they send anything.
 */
export async function assertWithinLimits(
  client: EcnyBaseClient,
  parameters: AssertWithinLimitsParameters,
  options: Pick<CallOptions, 'signal' | 'timeoutMs'> = {},
): Promise<void> {
  const limits = await getLimitsForCheck(client, parameters.walletId, parameters.limitDefaults, options)
  const result = checkLimits(limits, parameters.amount, parameters)
  if (result.ok) return
  // A closed wallet holds nothing: when the limits do not say the status, make sure an
  // "insufficient funds" is not really "closed" before saying so.
  if (result.error.code === 'insufficient_funds' && limits.status === undefined && limits.balance === 0) {
    const wallet = await getWallet(client, { walletId: parameters.walletId }, options)
    if (wallet.status === 'closed')
      throw walletClosed(parameters.walletId, wallet.type === 'WT10' ? wallet.parentWalletId : null)
  }
  throw result.error
}

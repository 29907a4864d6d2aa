import { getBalance } from '../actions/wallets/getBalance.js'
import { getWallet } from '../actions/wallets/getWallet.js'
import { getWalletLimits } from '../actions/wallets/getWalletLimits.js'
import type { EcnyBaseClient } from '../client/createBaseClient.js'
import { EcnyError } from '../errors/EcnyError.js'
import type { CallOptions } from '../transport/request.js'
import type { LimitsSnapshot } from './checkLimits.js'
import { type LimitDefaultsOverride, mergeLimitDefaults } from './defaultWalletLimits.js'

/** The gateway has no limits endpoint (or an older shape): fall back to the default table. */
function limitsUnavailable(error: unknown): boolean {
  if (!(error instanceof EcnyError)) return false
  return (
    error.code === 'not_found' ||
    error.code === 'invalid_response' ||
    error.status === 404 ||
    error.status === 405 ||
    error.status === 501
  )
}

/**
 * The caps to check an amount against: the gateway's (`GET …/limits`), or, when the gateway does
 * not answer with limits, the SDK's default table for the wallet's level with the wallet's balance
 * (usage today and this year is then unknown and taken as 0: only the single and balance caps are
 * certain).
 */
export async function getLimitsForCheck(
  client: EcnyBaseClient,
  walletId: string,
  defaults: LimitDefaultsOverride | undefined,
  options: Pick<CallOptions, 'signal' | 'timeoutMs'> = {},
): Promise<LimitsSnapshot> {
  try {
    const limits = await getWalletLimits(client, { walletId }, options)
    return { ...limits, source: 'gateway' }
  } catch (error) {
    if (!limitsUnavailable(error)) throw error
  }
  const [wallet, balance] = await Promise.all([
    getWallet(client, { walletId }, options),
    getBalance(client, { walletId }, options),
  ])
  const table = mergeLimitDefaults(defaults)
  const personal = wallet.type === 'WT01' || wallet.type === 'WT02' || wallet.type === 'WT03'
  const row = personal && wallet.level !== 'unknown' ? table[wallet.level] : undefined
  return {
    walletId,
    level: wallet.level,
    caps: row?.caps ?? { balance: null, single: null, daily: null, annual: null },
    used: { today: 0, thisYear: 0 },
    balance: balance.available,
    source: 'defaults',
    status: wallet.status,
    capsSetBy: personal ? 'level' : wallet.type === 'WT10' ? 'parent' : 'none',
    parentWalletId: wallet.type === 'WT10' ? wallet.parentWalletId : null,
  }
}

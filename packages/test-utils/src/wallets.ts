import type { Rails } from '@ecny/mock-rails'
import type { EcnyClient } from '@ecny/sdk-core'
import { testCard } from './identities.js'

/**
 * A generator of distinct mobile numbers `prefix` + a 4-digit counter (one per test file or harness).
 *
 * @example
 * const nextMobile = mobileNumbers('1390000')
 * nextMobile() // '13900000001'
 */
export function mobileNumbers(prefix = '1390000'): () => string {
  let issued = 0
  return () => `${prefix}${String(++issued).padStart(4, '0')}`
}

/**
 * Opens a WL04 wallet directly on the rails and tops it up with `amount` fen; returns its id.
 *
 * @example
 * const payer = fundedWallet(rails, 100_000, '13900001001')
 */
export function fundedWallet(rails: Rails, amount: number, mobile: string): string {
  const wallet = rails.engine.openWallet({ level: 'WL04', mobile })
  if (amount > 0) rails.engine.topUp(wallet.id, { amount, bankCard: testCard })
  return wallet.id
}

/**
 * Opens a WL04 wallet and tops it up through the SDK (both calls go over the wire); returns its id.
 *
 * @example
 * const walletId = await fundedWalletThroughSdk(client, 5_000, '13900000001')
 */
export async function fundedWalletThroughSdk(
  client: EcnyClient,
  amount: number,
  mobile: string,
): Promise<string> {
  const wallet = await client.wallets.open({ type: 'WT01', level: 'WL04', mobile })
  if (amount > 0) await client.wallets.topUp({ walletId: wallet.id, amount, bankCard: testCard })
  return wallet.id
}

/** The available ledger balance of a wallet, in fen. */
export const balanceOf = (rails: Rails, walletId: string): number =>
  rails.engine.getBalance(walletId).available

import type { EngineContext } from '../engine/engineContext.js'
import type { WalletRecord } from '../state/records.js'
import { RailsError } from '../support/railsError.js'

/** Identity keys held by open wallets: one wallet per level per ID number, one per USCC. */
export function identityKeyOf(wallet: WalletRecord): string | null {
  if (wallet.type === 'WT09') return wallet.holder.uscc ? `WT09\u241f${wallet.holder.uscc}` : null
  if (wallet.level === 'WL04' || !wallet.holder.idNumber) return null
  return `${wallet.level}\u241f${wallet.holder.idNumber}`
}

export function claimIdentity(ctx: EngineContext, key: string, walletId: string): void {
  ctx.state.identities.set(key, walletId)
}

export function releaseIdentity(ctx: EngineContext, wallet: WalletRecord): void {
  const key = identityKeyOf(wallet)
  if (key && ctx.state.identities.get(key) === wallet.id) ctx.state.identities.delete(key)
}

/** `wallet_exists` when an open wallet already holds the identity key. */
export function assertIdentityFree(ctx: EngineContext, key: string, message: string): void {
  const existing = ctx.state.identities.get(key)
  if (existing !== undefined) {
    throw new RailsError('wallet_exists', `${message} Use that wallet, or close it first.`, {
      walletId: existing,
    })
  }
}

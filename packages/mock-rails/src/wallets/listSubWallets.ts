import type { EngineContext } from '../engine/engineContext.js'
import { subWalletToWire } from '../engine/toWire.js'
import { requireActiveWallet } from '../engine/walletGuards.js'

/** The sub-wallets a personal wallet pushed, revoked ones included. */
export function listSubWallets(ctx: EngineContext, parentWalletId: string) {
  requireActiveWallet(ctx, parentWalletId)
  const data = [...ctx.state.subWallets.values()]
    .filter((sub) => sub.parentWalletId === parentWalletId)
    .map(subWalletToWire)
  return { data, nextCursor: null }
}

import type { EngineContext } from '../engine/engineContext.js'
import { subWalletStateMachine } from '../engine/stateMachines/subWalletStateMachine.js'
import { walletStateMachine } from '../engine/stateMachines/walletStateMachine.js'
import { walletToWire } from '../engine/toWire.js'
import { balanceOf, requireActiveWallet } from '../engine/walletGuards.js'
import { RailsError } from '../support/railsError.js'
import { assertClosableHere } from './corporate/assertClosableHere.js'
import { releaseIdentity } from './identityIndex.js'
import { retirePaymentCode } from './retirePaymentCode.js'

/**
 * Closes a wallet whose balance is zero (`wallet_not_empty` otherwise: redeem or transfer the money
 * out first). Its sub-wallets are revoked, its payment code retired, and its identity freed for a new
 * wallet. A closed wallet refuses everything with `wallet_closed`. A corporate sub-wallet is closed by
 * its parent instead, and a corporate wallet only once its sub-wallets are closed.
 */
export function closeWallet(ctx: EngineContext, walletId: string): ReturnType<typeof walletToWire> {
  const wallet = requireActiveWallet(ctx, walletId)
  assertClosableHere(ctx, wallet)
  const balance = balanceOf(ctx, walletId)
  if (balance !== 0) {
    throw new RailsError(
      'wallet_not_empty',
      `The wallet still holds ${balance} fen. Redeem it to a bank card or transfer it out, then close the wallet.`,
      { walletId, balance },
    )
  }
  walletStateMachine.assert(wallet.status, 'closed')
  const now = ctx.clock.now()
  wallet.status = 'closed'
  wallet.closedAt = now
  releaseIdentity(ctx, wallet)
  retirePaymentCode(ctx, walletId)
  for (const sub of ctx.state.subWallets.values()) {
    if (sub.parentWalletId === walletId && sub.status === 'active') {
      subWalletStateMachine.assert(sub.status, 'revoked')
      sub.status = 'revoked'
      sub.revokedAt = now
    }
  }
  return walletToWire(wallet)
}

import { walletAccount } from '../ledger/ledger.js'
import type { WalletRecord } from '../state/records.js'
import { maskWalletId } from '../support/mask.js'
import { notFound, RailsError } from '../support/railsError.js'
import type { CoreContext } from './engineContext.js'
import { capsFor } from './levelCaps.js'
import { currentUsage } from './usage.js'

export function getWalletRecord(ctx: CoreContext, walletId: string): WalletRecord {
  const wallet = ctx.state.wallets.get(walletId)
  if (!wallet) throw notFound('wallet', maskWalletId(walletId))
  return wallet
}

/** The wallet, if it exists and is open; `wallet_closed` otherwise. */
export function requireActiveWallet(ctx: CoreContext, walletId: string): WalletRecord {
  const wallet = getWalletRecord(ctx, walletId)
  if (wallet.status === 'closed') {
    throw new RailsError('wallet_closed', 'This wallet is closed and cannot be used. Open a new wallet.', {
      walletId,
    })
  }
  return wallet
}

export function balanceOf(ctx: CoreContext, walletId: string): number {
  return ctx.ledger.balanceOf(walletAccount(walletId))
}

function limitExceeded(
  cap: string,
  limit: number,
  used: number,
  amount: number,
  walletId: string,
): RailsError {
  const headroom = Math.max(0, limit - used)
  return new RailsError(
    'limit_exceeded',
    `This would exceed the wallet's ${cap} cap: limit ${limit} fen, used ${used} fen, ${headroom} fen left, ` +
      `${amount} fen asked. Use a smaller amount, wait for the ${cap === 'daily' ? 'daily' : 'annual'} reset, ` +
      `or upgrade the wallet's level.`,
    { cap, limit, used, headroom, amount, walletId },
  )
}

/** Single, daily and annual caps for an outgoing payment or transfer. Exactly at a cap passes. */
export function assertDebitWithinCaps(ctx: CoreContext, wallet: WalletRecord, amount: number): void {
  const caps = capsFor(ctx.levelCaps, wallet)
  if (caps.single !== null && amount > caps.single) {
    const error = limitExceeded('single', caps.single, 0, amount, wallet.id)
    error.message = `A single payment from this wallet may be at most ${caps.single} fen; ${amount} fen asked. Split it, or upgrade the wallet's level.`
    throw error
  }
  if (caps.daily === null && caps.annual === null) return
  const usage = currentUsage(wallet.usage, ctx.clock.now())
  if (caps.daily !== null && usage.today + amount > caps.daily) {
    throw limitExceeded('daily', caps.daily, usage.today, amount, wallet.id)
  }
  if (caps.annual !== null && usage.thisYear + amount > caps.annual) {
    throw limitExceeded('annual', caps.annual, usage.thisYear, amount, wallet.id)
  }
}

/** The balance cap for money coming in (top-ups, incoming transfers). Refunds skip it. */
export function assertCreditWithinCap(ctx: CoreContext, wallet: WalletRecord, amount: number): void {
  const cap = capsFor(ctx.levelCaps, wallet).balance
  if (cap === null) return
  const balance = balanceOf(ctx, wallet.id)
  if (balance + amount > cap) {
    const headroom = Math.max(0, cap - balance)
    throw new RailsError(
      'limit_exceeded',
      `This wallet may hold at most ${cap} fen; it holds ${balance} fen, so at most ${headroom} fen more ` +
        `can come in (${amount} fen asked). Send less, or upgrade the wallet's level.`,
      { cap: 'balance', limit: cap, used: balance, headroom, amount, walletId: wallet.id },
    )
  }
}

export function assertFunds(ctx: CoreContext, walletId: string, amount: number): void {
  const available = balanceOf(ctx, walletId)
  if (available < amount) {
    throw new RailsError(
      'insufficient_funds',
      `The wallet holds ${available} fen, ${amount - available} fen short of ${amount} fen. Top it up first.`,
      { walletId, available, amount, shortfall: amount - available },
    )
  }
}

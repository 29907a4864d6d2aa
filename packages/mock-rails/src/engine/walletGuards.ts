import { walletAccount } from '../ledger/ledger.js'
import type { WalletRecord } from '../state/records.js'
import { maskWalletId } from '../support/mask.js'
import { notFound, RailsError } from '../support/railsError.js'
import { capAdvice } from './capAdvice.js'
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
    const unit = wallet.corporateUnit
    if (unit) {
      throw new RailsError(
        'wallet_closed',
        `This corporate sub-wallet was closed by its company; it takes no payments, allocations or ` +
          `incoming money, and its statement stays readable. Open a new sub-wallet under the company's ` +
          `corporate wallet (POST /v1/wallets/${maskWalletId(unit.parentWalletId)}/corporate-sub-wallets).`,
        { walletId, parentWalletId: unit.parentWalletId, closedAt: wallet.closedAt },
      )
    }
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
  cap: 'daily' | 'annual',
  limit: number,
  used: number,
  amount: number,
  wallet: WalletRecord,
): RailsError {
  const headroom = Math.max(0, limit - used)
  const advice = capAdvice(wallet)
  return new RailsError(
    'limit_exceeded',
    `This would exceed the ${advice.noun}'s ${cap} cap${advice.setBy}: limit ${limit} fen, used ${used} fen, ` +
      `${headroom} fen left, ${amount} fen asked. Use a smaller amount, wait for the ${cap} reset, ` +
      `or ${advice.raise}.`,
    { cap, limit, used, headroom, amount, walletId: wallet.id, ...advice.details },
  )
}

/** Single, daily and annual caps for an outgoing payment or transfer. Exactly at a cap passes. */
export function assertDebitWithinCaps(ctx: CoreContext, wallet: WalletRecord, amount: number): void {
  const caps = capsFor(ctx.levelCaps, wallet)
  if (caps.single !== null && amount > caps.single) {
    const advice = capAdvice(wallet)
    throw new RailsError(
      'limit_exceeded',
      `A single payment from this ${advice.noun} may be at most ${caps.single} fen${advice.setBy}; ` +
        `${amount} fen asked. Split it, or ${advice.raise}.`,
      {
        cap: 'single',
        limit: caps.single,
        used: 0,
        headroom: caps.single,
        amount,
        walletId: wallet.id,
        ...advice.details,
      },
    )
  }
  if (caps.daily === null && caps.annual === null) return
  const usage = currentUsage(wallet.usage, ctx.clock.now())
  if (caps.daily !== null && usage.today + amount > caps.daily) {
    throw limitExceeded('daily', caps.daily, usage.today, amount, wallet)
  }
  if (caps.annual !== null && usage.thisYear + amount > caps.annual) {
    throw limitExceeded('annual', caps.annual, usage.thisYear, amount, wallet)
  }
}

/** The balance cap for money coming in (top-ups, incoming transfers). Refunds skip it. */
export function assertCreditWithinCap(ctx: CoreContext, wallet: WalletRecord, amount: number): void {
  const cap = capsFor(ctx.levelCaps, wallet).balance
  if (cap === null) return
  const balance = balanceOf(ctx, wallet.id)
  if (balance + amount > cap) {
    const headroom = Math.max(0, cap - balance)
    const advice = capAdvice(wallet)
    throw new RailsError(
      'limit_exceeded',
      `This ${advice.noun} may hold at most ${cap} fen${advice.setBy}; it holds ${balance} fen, so at most ` +
        `${headroom} fen more can come in (${amount} fen asked). Send less, or ${advice.raise}.`,
      { cap: 'balance', limit: cap, used: balance, headroom, amount, walletId: wallet.id, ...advice.details },
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

import type { EngineContext } from '../engine/engineContext.js'
import { capsFor } from '../engine/levelCaps.js'
import { transactionToWire, walletToWire } from '../engine/toWire.js'
import { currentUsage } from '../engine/usage.js'
import { balanceOf, getWalletRecord } from '../engine/walletGuards.js'
import { historyLine } from '../state/historyLine.js'
import { type PageParameters, pageNewestFirst } from '../support/pageNewestFirst.js'
import { formatTimestamp, nextShanghaiMidnight, nextShanghaiNewYear } from '../support/shanghaiTime.js'

/** Reads work on closed wallets too, so a holder can still see what happened. */
export function getWallet(ctx: EngineContext, walletId: string) {
  return walletToWire(getWalletRecord(ctx, walletId))
}

export function getBalance(ctx: EngineContext, walletId: string) {
  getWalletRecord(ctx, walletId)
  const now = ctx.clock.now()
  return {
    walletId,
    available: balanceOf(ctx, walletId),
    currency: 'CNY' as const,
    asOf: formatTimestamp(now),
  }
}

/**
 * The wallet's caps, how much of the daily and annual caps outgoing payments and transfers have used,
 * and when each counter next resets (midnight and 1 January, Asia/Shanghai, by the rails clock).
 */
export function getLimits(ctx: EngineContext, walletId: string) {
  const wallet = getWalletRecord(ctx, walletId)
  const now = ctx.clock.now()
  const usage = currentUsage(wallet.usage, now)
  return {
    walletId,
    level: wallet.level,
    status: wallet.status,
    caps: { ...capsFor(ctx.levelCaps, wallet) },
    capsSetBy: wallet.corporateUnit ? 'parent' : wallet.type === 'WT09' ? 'none' : 'level',
    parentWalletId: wallet.corporateUnit?.parentWalletId ?? null,
    used: { today: usage.today, thisYear: usage.thisYear },
    balance: balanceOf(ctx, walletId),
    dailyResetAt: formatTimestamp(nextShanghaiMidnight(now)),
    annualResetAt: formatTimestamp(nextShanghaiNewYear(now)),
  }
}

/** The wallet's history, newest first. */
export function listTransactions(ctx: EngineContext, walletId: string, page: PageParameters) {
  getWalletRecord(ctx, walletId)
  return pageNewestFirst(ctx.state.transactions.get(walletId) ?? [], page, (entry, seq) =>
    transactionToWire(historyLine(ctx.state, walletId, seq, entry)),
  )
}

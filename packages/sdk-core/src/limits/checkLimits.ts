import * as z from 'zod/mini'
import { type ConflictError, type InsufficientFundsError, LimitExceededError } from '../errors/EcnyError.js'
import { errorFrom } from '../errors/errorFrom.js'
import { overBalance, subWalletIsClosed, walletIsClosed } from '../errors/messagesEn.js'
import { formatYuan } from '../money/formatYuan.js'
import { positiveFenSchema } from '../money/schemas.js'
import { parseInput } from '../validation/parseInput.js'
import type { WalletCaps } from './defaultWalletLimits.js'
import { subWalletCapError } from './subWalletCapError.js'

/** Which cap a movement would break. */
export type LimitCap = 'single' | 'daily' | 'annual' | 'balance'

/**
 * What a limit check needs: the wallet's caps and usage. `getWalletLimits` returns exactly this;
 * `source` says whether the caps came from the gateway or the SDK's default table.
 */
export type LimitsSnapshot = {
  walletId: string
  level: string
  caps: WalletCaps
  used: { today: number; thisYear: number }
  /** The wallet's balance in fen. */
  balance: number
  dailyResetAt?: string | undefined
  annualResetAt?: string | undefined
  source?: 'gateway' | 'defaults' | undefined
  /** When known: a `closed` wallet fails every check with `wallet_closed`. */
  status?: string | undefined
  /**
   * Who sets the caps: `level` (upgrade it to raise them), `parent` (a corporate sub-wallet's company
   * sets them: `updateCorporateSubWalletCaps`), `none`. Refusals name the real way to raise a cap.
   */
  capsSetBy?: string | undefined
  /** With `capsSetBy: 'parent'`: the company's WT09 wallet. */
  parentWalletId?: string | null | undefined
}

export type CheckLimitsOptions = {
  /** `debit` (default): a payment or transfer out. `credit`: money coming in (a top-up). */
  direction?: 'debit' | 'credit'
  /** Names the movement in messages. Default `payment` for debits, `top-up` for credits. */
  kind?: 'payment' | 'transfer' | 'top-up'
}

export type CheckLimitsReturnType =
  | {
      ok: true
      /** The most that could move now (fen); `null` when nothing caps it. */
      maxAmount: number | null
    }
  | {
      ok: false
      maxAmount: number | null
      /** Ready to throw or show: `limit_exceeded`, `insufficient_funds` or `wallet_closed`, with `details`. */
      error: LimitExceededError | InsufficientFundsError | ConflictError
    }

const yuan = (fen: number) => formatYuan(fen, { symbol: true, grouping: true })

/** The movement a message names, in each locale. */
const kindWords = {
  payment: { en: 'payment', 'zh-CN': '支付' },
  transfer: { en: 'transfer', 'zh-CN': '转账' },
  'top-up': { en: 'top-up', 'zh-CN': '充值' },
} as const

const capNames: Record<LimitCap, string> = {
  single: 'single-payment cap',
  daily: 'daily cap',
  annual: 'annual cap',
  balance: 'balance cap',
}

/** The same refusal the gateway gives a closed wallet (a corporate sub-wallet: closed by its company). */
export function walletClosed(walletId: string, parentWalletId?: string | null): ConflictError {
  if (parentWalletId)
    return errorFrom(subWalletIsClosed, {}, { details: { walletId, parentWalletId } }) as ConflictError
  return errorFrom(walletIsClosed, {}, { details: { walletId } }) as ConflictError
}

function minOf(values: Array<number | null>): number | null {
  let least: number | null = null
  for (const value of values) if (value !== null && (least === null || value < least)) least = value
  return least === null ? null : Math.max(0, least)
}

/**
 * Checks an amount against a wallet's caps and balance, without any network call: for a UI that
 * wants to say "you can pay up to ¥X" or explain a refusal before the holder confirms. Exactly at a
 * cap passes. The gateway enforces its caps regardless of this check.
 *
 * @example
 * const limits = await getWalletLimits(client, { walletId })
 * const check = checkLimits(limits, 200_001)
 * if (!check.ok) showError(check.error.shortMessage) // "This payment of ¥2,000.01 is over the wallet's single-payment cap of ¥2,000.00 (WL04). Headroom: ¥2,000.00."
 * else showHint(`You can pay up to ${formatYuan(check.maxAmount ?? 0)}`)
 */
export function checkLimits(
  limits: LimitsSnapshot,
  amount: number,
  options: CheckLimitsOptions = {},
): CheckLimitsReturnType {
  parseInput(z.object({ amount: positiveFenSchema }), { amount }, 'amount')
  const direction = options.direction ?? 'debit'
  const kind = options.kind ?? (direction === 'credit' ? 'top-up' : 'payment')
  const { caps, used, balance, walletId } = limits
  const level = limits.level && limits.level !== 'unknown' ? ` (${limits.level})` : ''
  const movement = `This ${kind} of ${yuan(amount)}`
  const byCompany = limits.capsSetBy === 'parent'
  if (limits.status === 'closed')
    return {
      ok: false,
      maxAmount: 0,
      error: walletClosed(walletId, byCompany ? limits.parentWalletId : null),
    }

  const exceeded = (cap: LimitCap, limit: number, usedSoFar: number, message: string, hint: string) => {
    const headroom = Math.max(0, limit - usedSoFar)
    const details = {
      cap,
      limit,
      used: usedSoFar,
      headroom,
      walletId,
      amount,
      level: limits.level,
      limitsSource: limits.source,
      ...(byCompany && { capsSetBy: 'parent', parentWalletId: limits.parentWalletId }),
    }
    // A corporate sub-wallet's caps are its company's: no wallet level, no upgrade to suggest.
    if (byCompany) {
      const params = {
        kind: kindWords[kind],
        amount: yuan(amount),
        limit: yuan(limit),
        headroom: yuan(headroom),
      }
      return subWalletCapError(cap, params, details)
    }
    return new LimitExceededError('limit_exceeded', `${message} Headroom: ${yuan(headroom)}.`, {
      hint: `${hint} The gateway enforces the same caps.`,
      details,
    })
  }

  if (direction === 'credit') {
    const maxAmount = caps.balance === null ? null : Math.max(0, caps.balance - balance)
    if (caps.balance !== null && balance + amount > caps.balance) {
      const error = exceeded(
        'balance',
        caps.balance,
        balance,
        `${movement} would take the wallet over its ${capNames.balance} of ${yuan(caps.balance)}${level}: it holds ${yuan(balance)}.`,
        `Add less, or upgrade the wallet's level.`,
      )
      return { ok: false, maxAmount, error }
    }
    return { ok: true, maxAmount }
  }

  const maxAmount = minOf([
    balance,
    caps.single,
    caps.daily === null ? null : caps.daily - used.today,
    caps.annual === null ? null : caps.annual - used.thisYear,
  ])
  if (caps.single !== null && amount > caps.single) {
    const error = exceeded(
      'single',
      caps.single,
      0,
      `${movement} is over the wallet's ${capNames.single} of ${yuan(caps.single)}${level}.`,
      `Split it into smaller ${kind}s, or upgrade the wallet's level.`,
    )
    return { ok: false, maxAmount, error }
  }
  if (caps.daily !== null && used.today + amount > caps.daily) {
    const reset = limits.dailyResetAt ? ` (at ${limits.dailyResetAt})` : ''
    const error = exceeded(
      'daily',
      caps.daily,
      used.today,
      `${movement} would take the wallet over its ${capNames.daily} of ${yuan(caps.daily)}${level}: ${yuan(used.today)} already used today.`,
      `Send less, wait for the daily reset${reset}, or upgrade the wallet's level.`,
    )
    return { ok: false, maxAmount, error }
  }
  if (caps.annual !== null && used.thisYear + amount > caps.annual) {
    const reset = limits.annualResetAt ? ` (at ${limits.annualResetAt})` : ''
    const error = exceeded(
      'annual',
      caps.annual,
      used.thisYear,
      `${movement} would take the wallet over its ${capNames.annual} of ${yuan(caps.annual)}${level}: ${yuan(used.thisYear)} already used this year.`,
      `Send less, wait for the annual reset${reset}, or upgrade the wallet's level.`,
    )
    return { ok: false, maxAmount, error }
  }
  if (amount > balance) {
    const shortfall = amount - balance
    const error = errorFrom(
      overBalance,
      { kind: kindWords[kind], amount: yuan(amount), balance: yuan(balance), shortfall: yuan(shortfall) },
      { details: { walletId, available: balance, amount, shortfall } },
    ) as InsufficientFundsError
    return { ok: false, maxAmount, error }
  }
  return { ok: true, maxAmount }
}

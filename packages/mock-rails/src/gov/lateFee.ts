import type { GovLateFeeRule } from './govPaymentState.js'

const dayMs = 86_400_000

/** Whole days from `from` to `to` (`YYYY-MM-DD`); 0 when `to` is not after `from`. */
export function daysAfter(from: string, to: string): number {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs
  return Math.max(days, 0)
}

/** `date` plus `days` calendar days, `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10)
}

/** The most late fee the rule allows on a bill of `principal` fen (Infinity without a cap). */
export function lateFeeCap(rule: GovLateFeeRule, principal: number): number {
  if (rule.cap === 'principal') return principal
  return rule.cap ?? Number.POSITIVE_INFINITY
}

/**
 * The late fee that `unpaidPrincipal` fen accrue over `days` days at the rule's daily rate: integer
 * fen, rounded down, computed in integers (no floating-point money). Caps are applied by the caller,
 * who knows what was accrued before.
 *
 * @example
 * accruedLateFee({ dailyRatePerTenThousand: 5 }, 1_000_000, 10) // 5_000: 0.05 % a day for 10 days
 */
export function accruedLateFee(rule: GovLateFeeRule, unpaidPrincipal: number, days: number): number {
  if (days <= 0 || unpaidPrincipal <= 0) return 0
  return Number((BigInt(unpaidPrincipal) * BigInt(rule.dailyRatePerTenThousand) * BigInt(days)) / 10_000n)
}

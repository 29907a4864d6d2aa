/** Per-wallet claim caps of a campaign (BoCom: 1 per day, 4 per month). */
export type WalletCaps = {
  perDay?: number | undefined
  perMonth?: number | undefined
  total?: number | undefined
}

/** How many benefits this wallet already got from the campaign today, this month and ever. */
export type WalletUsage = { today: number; thisMonth: number; total: number }

/**
 * Which per-wallet cap (if any) stops one more claim: `'perDay'`, `'perMonth'`, `'total'` or `null`.
 * When several are reached, the longest-lasting one is named (`total`, then `perMonth`, then
 * `perDay`), since that is the one worth telling the customer about.
 *
 * @example
 * walletCapReached({ perDay: 1, perMonth: 4 }, { today: 0, thisMonth: 4, total: 9 }) // 'perMonth'
 * walletCapReached({ perDay: 1 }, { today: 0, thisMonth: 3, total: 3 }) // null
 */
export function walletCapReached(
  caps: WalletCaps | undefined,
  usage: WalletUsage,
): 'perDay' | 'perMonth' | 'total' | null {
  if (!caps) return null
  if (caps.total !== undefined && usage.total >= caps.total) return 'total'
  if (caps.perMonth !== undefined && usage.thisMonth >= caps.perMonth) return 'perMonth'
  if (caps.perDay !== undefined && usage.today >= caps.perDay) return 'perDay'
  return null
}

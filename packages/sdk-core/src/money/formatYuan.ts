import { assertFen } from './fen.js'

export type FormatYuanOptions = {
  /** Prefix `¥` (after the minus sign): `"¥12.34"`, `"-¥1.50"`. Default `false`. */
  symbol?: boolean
  /** Group thousands with commas: `"1,234.56"`. Default `false` (the output then parses back with `parseYuan`). */
  grouping?: boolean
}

/**
 * Formats integer fen as yuan text with exactly two decimals, using string digits only (no
 * floating-point division). Throws `invalid_request` for non-integers and unsafe integers.
 *
 * @example
 * formatYuan(1234) // "12.34"
 * formatYuan(5) // "0.05"
 * formatYuan(-150) // "-1.50"
 * formatYuan(123456, { symbol: true, grouping: true }) // "¥1,234.56"
 */
export function formatYuan(fen: number, options: FormatYuanOptions = {}): string {
  assertFen(fen, 'fen')
  const digits = String(Math.abs(fen)).padStart(3, '0')
  let whole = digits.slice(0, -2)
  if (options.grouping) whole = whole.replace(/\B(?=(\d{3})+$)/g, ',')
  const sign = fen < 0 ? '-' : ''
  return `${sign}${options.symbol ? '¥' : ''}${whole}.${digits.slice(-2)}`
}

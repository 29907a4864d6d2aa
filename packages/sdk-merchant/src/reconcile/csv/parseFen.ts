/**
 * Parses integer fen written as plain decimal digits (`0`, `1234`, `007`). Anything else — a sign,
 * a decimal point, spaces, exponents, an empty string, or a value past `Number.MAX_SAFE_INTEGER` —
 * gives `undefined`. Never goes through floating point.
 *
 * @example
 * parseFen('1234')  // 1234
 * parseFen('12.34') // undefined
 */
export function parseFen(text: string): number | undefined {
  const length = text.length
  if (length === 0 || length > 16) return undefined
  let value = 0
  for (let i = 0; i < length; i++) {
    const digit = text.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return undefined
    value = value * 10 + digit
  }
  return Number.isSafeInteger(value) ? value : undefined
}

/** Says why {@link parseFen} refused a value, for error messages. */
export function describeBadFen(text: string): string {
  if (text.length === 0) return 'expected integer fen, got an empty value'
  if (/^\s*-?\d+\.\d*\s*$/.test(text))
    return `expected integer fen (no decimal point), got ${JSON.stringify(text)}`
  if (/^\d+$/.test(text)) return `amount ${text} is too large to be exact`
  return `expected integer fen (digits only), got ${JSON.stringify(text)}`
}

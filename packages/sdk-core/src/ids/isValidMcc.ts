/**
 * True when `value` is a merchant category code: exactly 4 digits (UnionPay Q/CUP 004). Never throws.
 *
 * @example
 * isValidMcc('5411') // true
 * isValidMcc('541') // false
 */
export function isValidMcc(value: unknown): boolean {
  return typeof value === 'string' && /^[0-9]{4}$/.test(value)
}

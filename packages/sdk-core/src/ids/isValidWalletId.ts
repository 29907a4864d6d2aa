/**
 * True when `value` has the shape of an e-CNY wallet ID: exactly 16 digits. What the digits encode
 * is not public, so only the shape is checked. Never throws.
 *
 * @example
 * isValidWalletId('0022501234565081') // true
 * isValidWalletId('002250******5081') // false (a masked id)
 */
export function isValidWalletId(value: unknown): boolean {
  return typeof value === 'string' && /^[0-9]{16}$/.test(value)
}

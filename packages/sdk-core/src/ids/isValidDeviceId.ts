/**
 * True when `value` is a terminal device id: exactly 8 ASCII letters or digits. Never throws.
 *
 * @example
 * isValidDeviceId('T0012345') // true
 * isValidDeviceId('T-001234') // false
 */
export function isValidDeviceId(value: unknown): boolean {
  return typeof value === 'string' && /^[0-9A-Za-z]{8}$/.test(value)
}

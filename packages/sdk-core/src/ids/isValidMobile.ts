/**
 * True when `value` is a mainland China mobile number: 11 digits starting `13`–`19`, no country
 * code, spaces or dashes. Never throws.
 *
 * @example
 * isValidMobile('13812341234') // true
 * isValidMobile('+8613812341234') // false (drop the +86)
 * isValidMobile('12812341234') // false
 */
export function isValidMobile(value: unknown): boolean {
  return typeof value === 'string' && /^1[3-9][0-9]{9}$/.test(value)
}

/**
 * The province-level prefixes of GB/T 2260: 11–15 north, 21–23 north-east, 31–37 east, 41–46
 * south-central, 50–54 south-west, 61–65 north-west, 71 Taiwan, 81 Hong Kong, 82 Macao.
 */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82,
])

/**
 * True when `value` has the shape of a GB/T 2260 administrative area code: 6 digits whose first two
 * are a province-level code (11–82, only the codes in use). Whether the prefecture and county
 * digits exist is not checked (codes change yearly). Never throws.
 *
 * @example
 * isValidAreaCode('110105') // true (Beijing, Chaoyang)
 * isValidAreaCode('440300') // true (Shenzhen)
 * isValidAreaCode('190000') // false (no province 19)
 */
export function isValidAreaCode(value: unknown): boolean {
  return typeof value === 'string' && /^[0-9]{6}$/.test(value) && PROVINCES.has(Number(value.slice(0, 2)))
}

/** `+86` or `0086` in front of a mainland mobile number (1[3-9] and 9 more digits). */
const mainlandPrefix = /^(?:\+|00)86(?=1[3-9][0-9]{9}$)/

/**
 * One spelling per mainland number: `+8613812341234` and `008613812341234` become `13812341234`,
 * so a person is one identity whichever form they type. Anything else (a foreign `+…` number, a
 * malformed value) comes back unchanged for the validators to judge. Never throws.
 *
 * @example
 * normalizeMobile('+8613812341234') // '13812341234'
 * normalizeMobile('008613812341234') // '13812341234'
 * normalizeMobile('+85291234567') // '+85291234567' (Hong Kong stays distinct)
 */
export function normalizeMobile(value: string): string {
  return value.replace(mainlandPrefix, '')
}

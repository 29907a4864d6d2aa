import { InvalidRequestError } from '../errors/EcnyError.js'

/** The 31 symbols of GB 32100-2015 (no I, O, S, V, Z); a symbol's value is its index. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
/** Weight of position i (1-based) is 3^(i−1) mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/**
 * The shape of a unified social credit code: 2 symbols, a 6-digit area code, 10 symbols (the last
 * being the check character). Uppercase only.
 *
 * @example
 * usccPattern.test('91110108MA0000001D') // true (shape only: the check character is not verified)
 */
export const usccPattern = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/

const FIRST_17 = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{9}$/

/**
 * Computes the 18th (check) character of a unified social credit code from its first 17 characters
 * (GB 32100-2015): `alphabet[(31 − Σ value·weight mod 31) mod 31]`. Throws `invalid_request` if
 * `first17` is not 17 characters of the USCC shape.
 *
 * @example
 * computeUsccCheckChar('91110108MA0000001') // 'D'
 */
export function computeUsccCheckChar(first17: string): string {
  if (typeof first17 !== 'string' || !FIRST_17.test(first17)) {
    throw new InvalidRequestError(
      'invalid_request',
      'Invalid USCC prefix: expected the first 17 characters of a USCC.',
      {
        hint: 'Use digits and uppercase letters except I, O, S, V, Z, with digits in positions 3–8.',
        details: { issues: [{ path: 'first17', message: 'not 17 characters of a USCC' }] },
      },
    )
  }
  let sum = 0
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!
  return ALPHABET[(31 - (sum % 31)) % 31]!
}

/**
 * True when `value` is an 18-character unified social credit code (统一社会信用代码) with a correct
 * check character. Uppercase only. Never throws.
 *
 * @example
 * isValidUscc('91110108MA0000001D') // true
 * isValidUscc('91110108MA0000001E') // false (check character)
 * isValidUscc('91110108ma0000001d') // false (lowercase)
 */
export function isValidUscc(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    usccPattern.test(value) &&
    computeUsccCheckChar(value.slice(0, 17)) === value[17]
  )
}

import { InvalidRequestError } from '../errors/EcnyError.js'

/** Σ of Luhn digit values over `digits`, doubling every second digit counted from the right. */
function luhnSum(digits: string, doubleRightmost: boolean): number {
  let sum = 0
  for (let i = digits.length - 1, double = doubleRightmost; i >= 0; i--, double = !double) {
    const digit = Number(digits[i])
    sum += double ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit
  }
  return sum
}

/**
 * The Luhn (mod 10) check digit to append to `payload` digits. Throws `invalid_request` if
 * `payload` is not 1–18 digits.
 *
 * @example
 * computeLuhnCheckDigit('622202000000000') // '7'
 */
export function computeLuhnCheckDigit(payload: string): string {
  if (typeof payload !== 'string' || !/^[0-9]{1,18}$/.test(payload)) {
    throw new InvalidRequestError('invalid_request', 'Invalid card number prefix: expected 1–18 digits.', {
      hint: 'Pass the card number without its last (check) digit.',
      details: { issues: [{ path: 'payload', message: 'expected 1–18 digits' }] },
    })
  }
  return String((10 - (luhnSum(payload, true) % 10)) % 10)
}

/**
 * True when `value` is a bank card number: 12–19 digits (no spaces) passing the Luhn check.
 * Never throws.
 *
 * @example
 * isValidBankCard('6222020000000007') // true
 * isValidBankCard('6222020000000008') // false (Luhn)
 * isValidBankCard('6222 0200 0000 0007') // false (spaces)
 */
export function isValidBankCard(value: unknown): boolean {
  return typeof value === 'string' && /^[0-9]{12,19}$/.test(value) && luhnSum(value, false) % 10 === 0
}

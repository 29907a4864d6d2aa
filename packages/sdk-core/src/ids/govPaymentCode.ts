/** Luhn (mod 10) sum over `digits`, doubling every second digit counted from the right. */
function luhnSum(digits: string, doubleRightmost: boolean): number {
  let sum = 0
  for (let i = digits.length - 1, double = doubleRightmost; i >= 0; i--, double = !double) {
    const digit = Number(digits[i])
    sum += double ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit
  }
  return sum
}

/**
 * The check digit that ends a 缴款码 issued by this protocol: the Luhn (mod 10) digit of its first 19
 * digits. (Real 缴款码 formats are set by each province's finance bureau; the sandbox's is this one.)
 *
 * @example
 * govPaymentCodeCheckDigit('3205001234567890123') // '4'
 */
export function govPaymentCodeCheckDigit(first19: string): string {
  return String((10 - (luhnSum(first19, true) % 10)) % 10)
}

/**
 * True when `value` is a well-formed 缴款码: 20 digits whose last is the Luhn check digit, so a
 * mistyped digit is caught before the lookup is sent. Never throws.
 *
 * @example
 * isValidGovPaymentCode('32050012345678901234') // true
 * isValidGovPaymentCode('32050012345678901235') // false (check digit)
 */
export function isValidGovPaymentCode(value: unknown): boolean {
  return typeof value === 'string' && /^\d{20}$/.test(value) && luhnSum(value, false) % 10 === 0
}

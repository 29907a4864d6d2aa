import { InvalidRequestError } from '../errors/EcnyError.js'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

export type ResidentIdOptions = {
  /** "Today" for the not-in-the-future check; default now. Dates are compared in China time (UTC+8). */
  today?: Date
}

/**
 * Computes the check character (18th) of a resident ID number from its first 17 digits
 * (GB 11643-1999): `'10X98765432'[Σ digit·weight mod 11]`. Throws `invalid_request` (without
 * echoing the digits) if `first17` is not 17 digits.
 *
 * @example
 * computeResidentIdCheckChar('11010520000229123') // '5'
 * computeResidentIdCheckChar('44030419900101002') // 'X'
 */
export function computeResidentIdCheckChar(first17: string): string {
  if (typeof first17 !== 'string' || !/^[0-9]{17}$/.test(first17)) {
    throw new InvalidRequestError(
      'invalid_request',
      'Invalid resident ID prefix: expected exactly 17 digits.',
      {
        hint: 'Pass the first 17 digits of the ID number.',
        details: { issues: [{ path: 'first17', message: 'expected exactly 17 digits' }] },
      },
    )
  }
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!
  return CHECK_CHARS[sum % 11]!
}

/** `YYYYMMDD` of a date as the calendar reads in China (UTC+8, no daylight saving). */
function chinaDateNumber(date: Date): number {
  const china = new Date(date.getTime() + 8 * 3_600_000)
  return china.getUTCFullYear() * 10_000 + (china.getUTCMonth() + 1) * 100 + china.getUTCDate()
}

/**
 * Why the birth date in positions 7–14 is unacceptable, or `undefined` if it is a real calendar date
 * up to today. GB 11643 sets no lower bound on the year (its own worked example is born in 1880).
 * Used by `isValidResidentId` and the schema's messages; it never
 * echoes the date, which is personal data. Expects 17 digits + check (call after a shape check).
 *
 * @example
 * residentIdBirthDateProblem('110105200102291233') // 'birth date (characters 7–14) is not a real date'
 * residentIdBirthDateProblem('110105200002291235') // undefined
 */
export function residentIdBirthDateProblem(id: string, today: Date = new Date()): string | undefined {
  const year = Number(id.slice(6, 10))
  const month = Number(id.slice(10, 12))
  const day = Number(id.slice(12, 14))
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  if (!daysInMonth || day < 1 || day > daysInMonth) return 'birth date (characters 7–14) is not a real date'
  if (year * 10_000 + month * 100 + day > chinaDateNumber(today)) {
    return 'birth date (characters 7–14) is in the future'
  }
  return undefined
}

/**
 * True when `value` is an 18-character resident ID number (居民身份证号码, GB 11643-1999): 17 digits
 * and a check character (`0`–`9` or `X`; lowercase `x` accepted), whose birth date is a real date
 * up to today (any year: GB 11643 sets no lower bound). Never throws.
 *
 * @example
 * isValidResidentId('110105200002291235') // true (born 2000-02-29, a leap day)
 * isValidResidentId('44030419900101002x') // true
 * isValidResidentId('110105200102291233') // false: 2001-02-29 does not exist
 * isValidResidentId('110105188001011239') // true: born 1880, as in the standard's own example
 */
export function isValidResidentId(value: unknown, options: ResidentIdOptions = {}): boolean {
  if (typeof value !== 'string' || !/^[0-9]{17}[0-9Xx]$/.test(value)) return false
  const given = options?.today
  const today = given instanceof Date && !Number.isNaN(given.getTime()) ? given : new Date()
  if (residentIdBirthDateProblem(value, today)) return false
  return computeResidentIdCheckChar(value.slice(0, 17)) === value[17]!.toUpperCase()
}

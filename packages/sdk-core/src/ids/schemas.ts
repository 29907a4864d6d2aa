import * as z from 'zod/mini'
import { isValidAreaCode } from './isValidAreaCode.js'
import { isValidBankCard } from './isValidBankCard.js'
import { computeResidentIdCheckChar, residentIdBirthDateProblem } from './isValidResidentId.js'
import { computeUsccCheckChar, usccPattern } from './isValidUscc.js'

// Messages say what is wrong without repeating personal data (ID, mobile, wallet, card numbers).

/** A string schema whose pattern failure is explained by `describe(value)`; later checks then skip. */
function idString(noun: string, pattern: RegExp, describe: (value: string) => string) {
  return z
    .string({ error: `${noun} must be a string` })
    .check(z.regex(pattern, { error: (issue) => describe(String(issue.input)), abort: true }))
}

function digitsProblem(noun: string, value: string, length: string): string {
  if (/[\s-]/.test(value)) return `${noun} must be digits only, without spaces or dashes`
  if (/[^0-9]/.test(value)) return `${noun} must contain digits only`
  return `${noun} must be ${length} digits (got ${value.length})`
}

function usccShapeProblem(value: string): string {
  if (value.length !== 18) return `USCC must be 18 characters (got ${value.length})`
  if (/[a-z]/.test(value)) return 'USCC must use uppercase letters only'
  if (/[IOSVZ]/.test(value)) return 'USCC contains a letter not used in USCC codes (I, O, S, V, Z)'
  if (/[^0-9A-Z]/.test(value)) return 'USCC may contain only digits and uppercase letters'
  return 'USCC characters 3–8 must be digits (the GB/T 2260 area code)'
}

export type UsccSchemaOptions = {
  /**
   * Accept a code whose check character is wrong. A few registered codes fail the GB 32100-2015
   * check; set this only for such a code, after confirming it on the licence. Default `false`.
   */
  allowInvalidCheck?: boolean
}

/**
 * Builds a unified social credit code schema. By default the check character must be right; the
 * explicit `allowInvalidCheck` override accepts a registered code that fails it (never silently).
 *
 * @example
 * const schema = z.object({ uscc: uscc({ allowInvalidCheck: input.licenceChecked === true }) })
 * parseInput(uscc(), '91110108MA0000001E') // throws: USCC check character is E but should be D — …
 */
export function uscc(options: UsccSchemaOptions = {}) {
  const schema = idString('USCC', usccPattern, usccShapeProblem)
  if (options.allowInvalidCheck) return schema
  return schema.check(
    z.superRefine((value: string, ctx) => {
      const problem = usccCheckProblem(value)
      if (problem) ctx.addIssue(problem)
    }),
  )
}

/**
 * Why a well-shaped USCC's check character is wrong, naming the override the actions that take a
 * USCC accept (`allowInvalidUsccCheck`: merchant applications, corporate wallets); `undefined` when right.
 *
 * @example
 * usccCheckProblem('91110108MA0000001E') // 'USCC check character is E but should be D — …'
 */
export function usccCheckProblem(value: string): string | undefined {
  const expected = computeUsccCheckChar(value.slice(0, 17))
  if (value[17] === expected) return undefined
  return (
    `USCC check character is ${value[17]} but should be ${expected} — ` +
    'if this code is registered anyway, pass allowInvalidUsccCheck: true'
  )
}

/**
 * A unified social credit code (统一社会信用代码) with a correct check character.
 *
 * @example
 * z.parse(usccSchema, '91110108MA0000001D') // '91110108MA0000001D'
 */
export const usccSchema = uscc()

/**
 * A resident ID number (GB 11643-1999); a lowercase `x` is normalised to `X`. The birth date must be
 * a real date up to today (any year: GB 11643 sets no lower bound), and the check character right.
 *
 * @example
 * z.parse(residentIdSchema, '44030419900101002x') // '44030419900101002X'
 */
export const residentIdSchema = z.string({ error: 'resident ID number must be a string' }).check(
  z.toUpperCase(),
  // `x` in the pattern only so the published JSON Schema admits it; the value is uppercased first.
  z.regex(/^[0-9]{17}[0-9Xx]$/, {
    abort: true,
    error: (issue) => {
      const length = String(issue.input).length
      if (length === 15)
        return 'resident ID number must be 18 characters; 15-digit numbers are no longer valid'
      if (length !== 18) return `resident ID number must be 18 characters (got ${length})`
      return 'resident ID number must be 17 digits followed by a digit or X'
    },
  }),
  z.superRefine((value: string, ctx) => {
    const dateProblem = residentIdBirthDateProblem(value)
    if (dateProblem) ctx.addIssue(`resident ID number ${dateProblem}`)
    else if (computeResidentIdCheckChar(value.slice(0, 17)) !== value[17]) {
      ctx.addIssue('resident ID number check character does not match — the number is probably mistyped')
    }
  }),
)

/**
 * A mainland China mobile number: 11 digits starting 13–19, no country code.
 *
 * @example
 * z.parse(mobileSchema, '13812341234') // ok
 */
export const mobileSchema = idString('mobile number', /^1[3-9][0-9]{9}$/, (value) => {
  if (/^(\+|00)?86[\s-]?1[0-9]{10}$/.test(value))
    return /^(\+|00)?86[\s-]?1[3-9]/.test(value)
      ? 'mobile number must not include the +86 country code'
      : 'the number after +86 is not a mainland mobile (13–19…)'
  if (/^[0-9]{11}$/.test(value)) return 'mobile number must start with 13–19 (a mainland China mobile number)'
  return digitsProblem('mobile number', value, '11')
})

/**
 * An e-CNY wallet ID: 16 digits (shape only).
 *
 * @example
 * z.parse(walletIdSchema, '0022501234565081') // ok
 */
export const walletIdSchema = idString('wallet ID', /^[0-9]{16}$/, (value) =>
  value.includes('*')
    ? 'wallet ID is masked; pass the full 16-digit wallet ID'
    : digitsProblem('wallet ID', value, '16'),
)

/**
 * A bank card number: 12–19 digits with a valid Luhn check digit.
 *
 * @example
 * z.parse(bankCardSchema, '6222020000000007') // ok
 */
export const bankCardSchema = idString('bank card number', /^[0-9]{12,19}$/, (value) =>
  digitsProblem('bank card number', value, '12–19'),
).check(
  z.refine((value: string) => isValidBankCard(value), {
    error: 'bank card number check digit is wrong (Luhn check failed) — the number is probably mistyped',
  }),
)

/**
 * A merchant category code: 4 digits (UnionPay).
 *
 * @example
 * z.parse(mccSchema, '5411') // ok
 */
export const mccSchema = idString('MCC', /^[0-9]{4}$/, (value) =>
  /^[0-9]*$/.test(value)
    ? `MCC must be 4 digits, a UnionPay merchant category code such as 5411 (got ${value.length})`
    : digitsProblem('MCC', value, '4'),
)

/**
 * A GB/T 2260 area code: 6 digits starting with a province-level code.
 *
 * @example
 * z.parse(areaCodeSchema, '110105') // ok
 */
export const areaCodeSchema = idString('area code', /^[0-9]{6}$/, (value) =>
  digitsProblem('area code', value, '6'),
).check(
  z.refine((value: string) => isValidAreaCode(value), {
    error: (issue) =>
      `area code starts with ${String(issue.input).slice(0, 2)}, which is not a GB/T 2260 province code (11–82)`,
  }),
)

/**
 * A terminal device id: exactly 8 ASCII letters or digits.
 *
 * @example
 * z.parse(deviceIdSchema, 'T0012345') // ok
 */
export const deviceIdSchema = idString('device id', /^[0-9A-Za-z]{8}$/, (value) =>
  value.length === 8
    ? 'device id may contain only letters A–Z, a–z and digits 0–9'
    : `device id must be 8 characters (got ${value.length})`,
)

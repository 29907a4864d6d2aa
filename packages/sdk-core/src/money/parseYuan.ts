import { InvalidRequestError } from '../errors/EcnyError.js'

export type ParseYuanOptions = {
  /** Accept a leading `-` (refund deltas, adjustments). Default `false`: amounts are never negative. */
  allowNegative?: boolean
  /** Field name used in error messages, e.g. `order.amount`. Default `amount`. */
  field?: string
}

const EXACT = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]{1,2}))?$/
const MAX_FEN = BigInt(Number.MAX_SAFE_INTEGER)
const HINT = 'Pass yuan as plain decimal text with at most two decimals, e.g. "12" or "12.34".'

/** Says what is wrong with text that failed the exact pattern. Order matters: most specific first. */
function describeProblem(text: string, allowNegative: boolean): string {
  if (text.trim() === '') return 'is empty'
  if (text.trim() !== text) return 'has spaces around it; trim it first'
  if (/[¥￥元]/.test(text)) return 'contains a currency sign; pass the number only'
  if (/[,，]/.test(text)) return 'contains thousands separators; write "1234.56", not "1,234.56"'
  if (/^[-+]?(NaN|Infinity)$/i.test(text)) return 'is not a number'
  if (/^[-+]?[0-9.]+e[-+]?[0-9]+$/i.test(text)) return 'uses exponent notation; write the digits out'
  if (text.startsWith('+')) return 'has a plus sign; remove it'
  if (text.startsWith('-') && !allowNegative) {
    return 'is negative; pass { allowNegative: true } if a negative amount is intended'
  }
  const unsigned = text.replace(/^-/, '')
  if (/^\.[0-9]+$/.test(unsigned)) return `starts with a decimal point; write "0${unsigned}"`
  if (/^[0-9]+\.$/.test(unsigned)) return 'ends with a decimal point; drop it or add the decimals'
  if (/^[0-9]+\.[0-9]{3,}$/.test(unsigned)) {
    return 'has more than two decimal places; 0.01 yuan (1 fen) is the smallest unit'
  }
  if (/^0[0-9]+(\.[0-9]*)?$/.test(unsigned)) return 'has leading zeros; write "5.00", not "05.00"'
  return 'is not a decimal yuan amount'
}

/**
 * Converts exact decimal yuan text to integer fen (1 yuan = 100 fen), using digit handling only —
 * never floating-point arithmetic.
 *
 * Strict on purpose, because a misread amount is money lost: accepted are `"12"`, `"12.3"`,
 * `"12.34"`, `"0.01"` (and a leading `-` with `{ allowNegative: true }`). Rejected, with
 * `invalid_request` saying what to fix: empty or padded text, `"12."`, `".5"`, leading zeros
 * (`"05"`), more than two decimals, exponents (`"1e3"`), thousands separators (`"1,234"`), currency
 * signs, `NaN`/`Infinity`, amounts beyond `Number.MAX_SAFE_INTEGER` fen, and anything not a string.
 *
 * @example
 * parseYuan('12.34') // 1234
 * parseYuan('0.5') // 50
 * parseYuan('-1.50', { allowNegative: true }) // -150
 * parseYuan('1,234.00') // throws invalid_request: contains thousands separators
 */
export function parseYuan(text: string, options: ParseYuanOptions = {}): number {
  const field = options.field ?? 'amount'
  const allowNegative = options.allowNegative === true
  const fail = (problem: string, hint = HINT): never => {
    const shown = typeof text === 'string' && text.length <= 32 ? `${JSON.stringify(text)} ` : ''
    const message = `Invalid ${field}: ${shown}${problem}.`
    throw new InvalidRequestError('invalid_request', message, {
      hint,
      details: { issues: [{ path: field, message: problem }] },
    })
  }
  if (typeof text !== 'string') {
    return fail(
      `must be yuan as text such as "12.34", got ${text === null ? 'null' : typeof text}`,
      typeof text === 'number'
        ? 'A number cannot hold yuan exactly: pass text, or pass integer fen where fen are expected.'
        : HINT,
    )
  }
  const match = EXACT.exec(text)
  if (!match) return fail(describeProblem(text, allowNegative))
  const [, sign, whole, decimals = ''] = match
  if (sign && !allowNegative) return fail(describeProblem(text, allowNegative))
  const fen = BigInt(whole!) * 100n + BigInt(decimals.padEnd(2, '0'))
  if (fen > MAX_FEN) return fail('is too large: the most the SDK can represent is 90071992547409.91 yuan')
  const result = Number(fen)
  return sign && result !== 0 ? -result : result
}

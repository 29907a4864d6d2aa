import { InvalidRequestError } from '../../errors/EcnyError.js'

const WINDOW = 40

/**
 * The `expression_syntax` error for an audience expression: names the 1-based column and shows the
 * expression with a caret under it (long expressions are cut to a window around the column).
 */
export function audienceSyntaxError(
  expression: string,
  /** 0-based index into the expression's code points. */
  position: number,
  problem: string,
): InvalidRequestError {
  const chars = Array.from(expression)
  const column = position + 1
  const from = Math.max(0, position - WINDOW)
  const to = Math.min(chars.length, position + WINDOW)
  const shown = `${from > 0 ? '…' : ''}${chars.slice(from, to).join('')}${to < chars.length ? '…' : ''}`
  const caret = `${' '.repeat(position - from + (from > 0 ? 1 : 0))}^`
  return new InvalidRequestError(
    'expression_syntax',
    `Audience expression: ${problem} at column ${column}.`,
    {
      hint: [
        `  ${shown.replace(/[\r\n\t]/g, ' ')}`,
        `  ${caret}`,
        "Write tags such as payroll or city:suzhou, combined with and/or/not (or & | !) and parentheses, e.g. 'payroll & !staff | new_wallet'.",
      ].join('\n'),
      details: { expression, column, problem },
    },
  )
}

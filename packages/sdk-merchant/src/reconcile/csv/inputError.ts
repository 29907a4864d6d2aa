import { InvalidRequestError } from '@ecny/sdk-core'

/** Where in an input file something went wrong. */
export interface InputPosition {
  /** The file (or source) name given to the parser. */
  file: string
  /** 1-based line number. */
  line: number
  /** 1-based column (field) number, when one field is at fault. */
  column?: number | undefined
  /** The column's header name, when known. */
  field?: string | undefined
}

/**
 * An `invalid_request` error that names the file, line and column of a bad CSV input and says what
 * is wrong with it.
 *
 * @example
 * throw inputError({ file: 'statement.csv', line: 12, column: 7, field: 'amount' }, 'expected integer fen, got "12.5"')
 * // InvalidRequestError: statement.csv line 12, column 7 (amount): expected integer fen, got "12.5"
 */
export function inputError(position: InputPosition, problem: string): InvalidRequestError {
  let where = `${position.file} line ${position.line}`
  if (position.column !== undefined) where += `, column ${position.column}`
  if (position.field !== undefined) where += ` (${position.field})`
  return new InvalidRequestError('invalid_request', `${where}: ${problem}`, {
    hint: 'Fix the input file at the place named above and run again.',
    details: { ...position, problem },
  })
}

import { InvalidRequestError } from '@ecny/sdk-core'

/** The longest line the CSV readers hold by default: no statement line comes near it. */
export const defaultMaxLineLength = 1 << 20

/**
 * A `csv_line_too_long` error: a line grew past `limit` characters before its line end, so the input
 * is not line-oriented CSV (or is hostile); reading stops instead of holding ever more memory.
 *
 * @example
 * throw lineTooLongError('statement.csv', 12, defaultMaxLineLength)
 * // InvalidRequestError: statement.csv line 12: line longer than 1048576 characters
 */
export function lineTooLongError(file: string, line: number, limit: number): InvalidRequestError {
  return new InvalidRequestError(
    'csv_line_too_long',
    `${file} line ${line}: line longer than ${limit} characters`,
    {
      hint: 'Check that the file is CSV with \\n line ends, or raise the maxLineLength option of the parser.',
      details: { file, line, maxLineLength: limit },
    },
  )
}

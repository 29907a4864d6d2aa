import { inputError } from './inputError.js'

/**
 * Maps column names to their positions in a header record. Every `required` name must be there;
 * `optional` names map to -1 when absent; other columns are ignored. A name given twice is an error.
 *
 * @example
 * headerIndex(['amount', 'merchantOrderNo', 'status'], ['merchantOrderNo', 'amount', 'status'], ['orderId'], 'records.csv')
 * // { merchantOrderNo: 1, amount: 0, status: 2, orderId: -1 }
 */
export function headerIndex<R extends string, O extends string>(
  header: readonly string[],
  required: readonly R[],
  optional: readonly O[],
  file: string,
): Record<R | O, number> {
  const names = header.map((name) => name.trim())
  const index = {} as Record<R | O, number>
  for (const name of [...required, ...optional]) {
    const at = names.indexOf(name)
    if (at !== -1 && names.indexOf(name, at + 1) !== -1) {
      throw inputError(
        { file, line: 1, column: names.indexOf(name, at + 1) + 1 },
        `column ${name} appears twice`,
      )
    }
    index[name] = at
  }
  const missing = required.filter((name) => index[name] === -1)
  if (missing.length > 0) {
    throw inputError(
      { file, line: 1 },
      `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (the header has: ${names.join(', ')})`,
    )
  }
  return index
}

import type { RowSource } from '../types.js'

/**
 * Turns rows into CSV text: the header line, then one line per row, yielded in chunks of roughly
 * `chunkSize` characters (one string per line would be slow to write).
 *
 * @example
 * for await (const text of chunkLines('a,b', [[1, 2]], (row) => row.join(','))) process.stdout.write(text)
 */
export async function* chunkLines<T>(
  header: string,
  rows: RowSource<T>,
  toLine: (row: T) => string,
  chunkSize = 1 << 16,
): AsyncGenerator<string> {
  let chunk = `${header}\n`
  for await (const row of rows) {
    chunk += `${toLine(row)}\n`
    if (chunk.length >= chunkSize) {
      yield chunk
      chunk = ''
    }
  }
  if (chunk.length > 0) yield chunk
}

import { inputError } from './inputError.js'
import { parseQuotedRecord } from './parseQuotedRecord.js'
import { readLineBatches } from './readLines.js'
import type { ByteSource } from './toAsyncIterable.js'

/** The records of one chunk: `records[i]` starts on line `lines[i]` (1-based). */
export interface CsvBatch {
  records: string[][]
  lines: number[]
}

/** A quoted field left open for longer than this is a stray quote, not data. */
export const maxRecordLines = 1000

/**
 * Reads CSV records (RFC 4180) chunk by chunk. The fast path splits a line on commas; a line with a
 * quote takes the slow path, which may continue over the following lines. Blank lines are skipped.
 * The header is an ordinary first record.
 *
 * @example
 * for await (const { records } of readCsvBatches(createReadStream('records.csv'), 'records.csv')) {
 *   for (const fields of records) console.log(fields[0])
 * }
 */
export async function* readCsvBatches(
  source: ByteSource,
  file: string,
  maxLineLength?: number,
): AsyncGenerator<CsvBatch> {
  let lineNo = 0
  let open: { text: string; line: number; parts: number } | undefined
  for await (const lines of readLineBatches(source, file, maxLineLength)) {
    const records: string[][] = []
    const recordLines: number[] = []
    for (let i = 0; i < lines.length; i++) {
      let line = lines[i]!
      lineNo++
      if (lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1)
      if (open === undefined) {
        if (line.length === 0) continue
        if (line.indexOf('"') === -1) {
          records.push(line.split(','))
          recordLines.push(lineNo)
          continue
        }
        open = { text: line, line: lineNo, parts: 1 }
      } else {
        open.text += `\n${line}`
        open.parts++
      }
      const parsed = parseQuotedRecord(open.text)
      if (parsed === 'incomplete') {
        if (open.parts >= maxRecordLines) {
          throw inputError(
            { file, line: open.line },
            `a quoted field is not closed within ${maxRecordLines} lines`,
          )
        }
        continue
      }
      if (!Array.isArray(parsed))
        throw inputError({ file, line: open.line, column: parsed.column }, parsed.problem)
      records.push(parsed)
      recordLines.push(open.line)
      open = undefined
    }
    if (records.length > 0) yield { records, lines: recordLines }
  }
  if (open !== undefined)
    throw inputError({ file, line: open.line }, 'a quoted field is not closed before the end of the file')
}

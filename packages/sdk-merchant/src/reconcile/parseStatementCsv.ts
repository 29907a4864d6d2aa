import { orderModes, orderStatuses, statementColumns } from '@ecny/protocol'
import { headerIndex } from './csv/headerIndex.js'
import { inputError } from './csv/inputError.js'
import { describeBadFen, parseFen } from './csv/parseFen.js'
import { readCsvBatches } from './csv/readCsvRecords.js'
import type { ByteSource } from './csv/toAsyncIterable.js'
import { type CsvOrigin, csvOrigin, startCsv, tagCsv } from './fast/csvOrigin.js'
import type { GatewayStatus, StatementRow } from './types.js'

/**
 * The statement's columns, in the order the gateway writes them (the protocol's
 * `statementColumns`). The parser finds columns by header name, so another order also parses.
 */
export const statementCsvColumns = statementColumns

const knownStatuses: ReadonlyMap<string, GatewayStatus> = new Map(
  orderStatuses.map((status) => [status, status]),
)
const knownModes: ReadonlyMap<string, string> = new Map(orderModes.map((mode) => [mode, mode]))

function badField(file: string, line: number, column: number, field: string, problem: string) {
  return inputError({ file, line, column: column + 1, field }, problem)
}

/** Options of the CSV parsers. */
export interface ParseCsvOptions {
  /** Names the input in error messages, e.g. the file name. */
  name?: string
  /** Called once per chunk read with the number of lines read so far (for progress displays). */
  onProgress?: (lines: number) => void
  /**
   * The longest line (in characters) read before its line end; a longer one stops the read with
   * `csv_line_too_long`. Default 1 MiB (1,048,576), far above any statement or records line.
   */
  maxLineLength?: number
}

/** Column positions of a statement header (see {@link statementCsvColumns}). */
export type StatementColumns = Record<(typeof statementCsvColumns)[number], number>

/**
 * Builds one statement row from the fields of a CSV record, checking them exactly as
 * {@link parseStatementCsv} does (the same errors, naming file, line and column). Shared by the
 * parser and by the reconciler's byte-level fast path, so both give identical rows and errors.
 *
 * @example
 * statementRowFromFields(line.split(','), columns, 10, 2, 'statement.csv')
 */
export function statementRowFromFields(
  f: readonly string[],
  index: StatementColumns,
  width: number,
  line: number,
  file: string,
): StatementRow {
  if (f.length !== width) {
    throw inputError({ file, line }, `expected ${width} fields like the header, found ${f.length}`)
  }
  const recordType = f[index.recordType]!
  const merchantNo = f[index.merchantOrderNo]!
  const id = f[index.id]!
  const statusText = f[index.status]!
  const amount = parseFen(f[index.amount]!)
  const refundedAmount = parseFen(f[index.refundedAmount]!)
  if (recordType !== 'order' && recordType !== 'refund') {
    throw badField(
      file,
      line,
      index.recordType,
      'recordType',
      `expected order or refund, got ${JSON.stringify(recordType)}`,
    )
  }
  if (merchantNo.length === 0)
    throw badField(file, line, index.merchantOrderNo, 'merchantOrderNo', 'is empty')
  if (id.length === 0) throw badField(file, line, index.id, 'id', 'is empty')
  if (statusText.length === 0) throw badField(file, line, index.status, 'status', 'is empty')
  if (amount === undefined)
    throw badField(file, line, index.amount, 'amount', describeBadFen(f[index.amount]!))
  if (refundedAmount === undefined) {
    throw badField(
      file,
      line,
      index.refundedAmount,
      'refundedAmount',
      describeBadFen(f[index.refundedAmount]!),
    )
  }
  const mode = f[index.mode]!
  const payer = f[index.payerWalletId]!
  const orderId = f[index.orderId]!
  const modeValue = knownModes.get(mode) ?? mode
  const status = knownStatuses.get(statusText) ?? statusText
  const payerWalletId = payer.length === 0 ? null : payer
  const occurredAt = f[index.occurredAt]!
  // Two literals of fixed shape: cheaper than spreading a shared object, and rows stay monomorphic.
  return recordType === 'order'
    ? {
        recordType,
        id,
        merchantOrderNo: merchantNo,
        orderId,
        mode: modeValue,
        status,
        amount,
        refundedAmount,
        payerWalletId,
        occurredAt,
        line,
      }
    : {
        recordType,
        id,
        merchantRefundNo: merchantNo,
        orderId,
        mode: modeValue,
        status,
        amount,
        refundedAmount,
        payerWalletId,
        occurredAt,
        line,
      }
}

/**
 * The header of a statement: column positions by name, or an `invalid_request` error.
 *
 * @example
 * statementHeader(['recordType', 'id', …], 'statement.csv').recordType // 0
 */
export function statementHeader(header: readonly string[], file: string): StatementColumns {
  return headerIndex(header, statementCsvColumns, [], file)
}

/**
 * Reads the gateway's daily statement CSV row by row, never holding the whole file. The source may be
 * a Web `ReadableStream`, a Node `Readable` or any async iterable of bytes or text; chunks may split
 * lines and multi-byte characters anywhere. Columns are found by header name (see
 * {@link statementCsvColumns}); on a refund row the `merchantOrderNo` column is the merchant refund
 * number and comes out as `merchantRefundNo`. Amounts must be integer fen. A bad line is an
 * `invalid_request` error naming the file, line, column and problem.
 *
 * Handed straight to `reconcile` (not iterated first), the parser is not run row by row at all:
 * `reconcile` reads the bytes itself on a fast path that gives the same results and errors.
 *
 * @example
 * import { createReadStream } from 'node:fs'
 * for await (const row of parseStatementCsv(createReadStream('statement.csv'), { name: 'statement.csv' })) {
 *   if (row.recordType === 'order') console.log(row.merchantOrderNo, row.status, row.amount)
 * }
 */
export function parseStatementCsv(
  source: ByteSource,
  options: ParseCsvOptions = {},
): AsyncGenerator<StatementRow> {
  const origin = csvOrigin('statement', source, options)
  return tagCsv(statementRows(source, options, origin), origin)
}

async function* statementRows(
  source: ByteSource,
  options: ParseCsvOptions,
  origin: CsvOrigin,
): AsyncGenerator<StatementRow> {
  startCsv(origin)
  const file = options.name ?? 'statement'
  let index: StatementColumns | undefined
  let width = 0
  for await (const { records, lines } of readCsvBatches(source, file, options.maxLineLength)) {
    options.onProgress?.(lines[lines.length - 1]!)
    let start = 0
    if (index === undefined) {
      index = statementHeader(records[0]!, file)
      width = records[0]!.length
      start = 1
    }
    for (let r = start; r < records.length; r++) {
      yield statementRowFromFields(records[r]!, index, width, lines[r]!, file)
    }
  }
}

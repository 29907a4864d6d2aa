import { Buffer } from 'node:buffer'
import { gatewayOutcome } from '../classify.js'
import { inputError } from '../csv/inputError.js'
import { parseQuotedRecord } from '../csv/parseQuotedRecord.js'
import { maxRecordLines } from '../csv/readCsvRecords.js'
import { type ByteSource, toAsyncIterable } from '../csv/toAsyncIterable.js'
import { type MerchantColumns, merchantHeader, merchantRecordFromFields } from '../parseMerchantRecordsCsv.js'
import {
  type ParseCsvOptions,
  type StatementColumns,
  statementHeader,
  statementRowFromFields,
} from '../parseStatementCsv.js'
import type { MerchantRecord, StatementRow } from '../types.js'
import { LineChunker } from './lineChunker.js'
import { type RowSink, rowFlags, statusCodes } from './rowSink.js'

const ascii = (text: string) => Buffer.from(text, 'latin1')

function equalsAt(buf: Buffer, start: number, end: number, word: Buffer): boolean {
  if (end - start !== word.length) return false
  for (let i = 0; i < word.length; i++) if (buf[start + i] !== word[i]) return false
  return true
}

/** Integer fen from digits `start`…`end`, like `parseFen`; -1 when it is not one. */
function fenAt(buf: Buffer, start: number, end: number): number {
  const length = end - start
  if (length === 0 || length > 16) return -1
  let value = 0
  for (let i = start; i < end; i++) {
    const digit = buf[i]! - 48
    if (digit < 0 || digit > 9) return -1
    value = value * 10 + digit
  }
  return Number.isSafeInteger(value) ? value : -1
}

const order = ascii('order')
const refund = ascii('refund')
const gatewayWords: [Buffer, number][] = (
  ['succeeded', 'refunding', 'partially_refunded', 'refunded', 'failed', 'closed', 'canceled'] as const
).map((word) => [
  ascii(word),
  gatewayOutcome(word) === 'succeeded' ? statusCodes.succeeded : statusCodes.failed,
])
const merchantWords: [Buffer, number][] = [
  [ascii('succeeded'), statusCodes.succeeded],
  [ascii('failed'), statusCodes.failed],
  [ascii('unknown'), statusCodes.unknown],
  [ascii('pending'), statusCodes.unknown],
]

function wordCode(buf: Buffer, start: number, end: number, words: [Buffer, number][], otherwise: number) {
  for (const [word, code] of words) if (equalsAt(buf, start, end, word)) return code
  return otherwise
}

const merchantStatusCode: Record<string, number> = {
  succeeded: statusCodes.succeeded,
  failed: statusCodes.failed,
  unknown: statusCodes.unknown,
  pending: statusCodes.unknown,
}
const gatewayCode = (status: string) =>
  ({ succeeded: statusCodes.succeeded, failed: statusCodes.failed, pending: statusCodes.pending })[
    gatewayOutcome(status)
  ]

/** Hands a row built from strings (quoted fields, odd lines) to the sink as a JSON segment. */
function addFromStrings(
  sink: RowSink,
  fields: readonly string[],
  flags: number,
  status: number,
  amount: number,
  line: number,
  key: string,
  orderId: string | undefined,
): void {
  const text = Buffer.from(JSON.stringify(fields))
  const keyBytes = Buffer.from(key)
  const orderIdBytes = orderId === undefined ? undefined : Buffer.from(orderId)
  const segment = Buffer.concat(orderIdBytes ? [text, keyBytes, orderIdBytes] : [text, keyBytes])
  sink.add(
    segment,
    flags | rowFlags.json,
    status,
    amount,
    line,
    text.length,
    keyBytes.length,
    orderIdBytes ? text.length + keyBytes.length : -1,
    orderIdBytes ? orderIdBytes.length : -1,
    0,
    text.length,
  )
}

/** How one side's records are checked and handed on. */
export interface SideReader {
  readonly file: string
  /** Reads the header record (throws on a bad one). */
  header(fields: string[]): void
  /** Reads a line without quotes straight from bytes; `false` when it needs {@link SideReader.fields}. */
  bytes(buf: Buffer, start: number, end: number, line: number): boolean
  /** Reads a record from its fields, with the parser's exact checks and errors. */
  fields(fields: string[], line: number): void
}

/** Statement rows, read from bytes. Also rebuilds full rows from stored text. */
export class StatementReader implements SideReader {
  columns: StatementColumns | undefined
  /** The header's fields, once read. */
  headerFields: string[] = []
  width = 0
  private starts = new Int32Array(0)
  constructor(
    readonly file: string,
    private readonly sink: RowSink,
  ) {}

  header(fields: string[]): void {
    this.columns = statementHeader(fields, this.file)
    this.headerFields = fields
    this.width = fields.length
    this.starts = new Int32Array(this.width + 1)
  }

  bytes(buf: Buffer, start: number, end: number, line: number): boolean {
    const width = this.width
    const starts = this.starts
    const c = this.columns!
    let n = 0
    starts[0] = start
    for (let i = start; i < end; i++) {
      if (buf[i] === 44) {
        if (++n >= width) return false
        starts[n] = i + 1
      }
    }
    if (n !== width - 1) return false
    starts[width] = end + 1
    const typeAt = starts[c.recordType]!
    const typeEnd = starts[c.recordType + 1]! - 1
    let flags = 0
    if (!equalsAt(buf, typeAt, typeEnd, order)) {
      if (!equalsAt(buf, typeAt, typeEnd, refund)) return false
      flags = rowFlags.refund
    }
    const keyAt = starts[c.merchantOrderNo]!
    const keyLength = starts[c.merchantOrderNo + 1]! - 1 - keyAt
    if (keyLength === 0 || starts[c.id + 1]! - 1 === starts[c.id]!) return false
    const statusAt = starts[c.status]!
    const statusEnd = starts[c.status + 1]! - 1
    if (statusEnd === statusAt) return false
    const amount = fenAt(buf, starts[c.amount]!, starts[c.amount + 1]! - 1)
    if (amount < 0 || fenAt(buf, starts[c.refundedAmount]!, starts[c.refundedAmount + 1]! - 1) < 0)
      return false
    const orderIdAt = starts[c.orderId]!
    this.sink.add(
      buf,
      flags,
      wordCode(buf, statusAt, statusEnd, gatewayWords, statusCodes.pending),
      amount,
      line,
      keyAt,
      keyLength,
      orderIdAt,
      starts[c.orderId + 1]! - 1 - orderIdAt,
      start,
      end - start,
    )
    return true
  }

  fields(fields: string[], line: number): void {
    const row = this.row(fields, line)
    addFromStrings(
      this.sink,
      fields,
      row.recordType === 'refund' ? rowFlags.refund : 0,
      gatewayCode(row.status),
      row.amount,
      line,
      row.recordType === 'order' ? row.merchantOrderNo : row.merchantRefundNo,
      row.orderId,
    )
  }

  /** The row of a record, exactly as `parseStatementCsv` builds it. */
  row(fields: readonly string[], line: number): StatementRow {
    return statementRowFromFields(fields, this.columns!, this.width, line, this.file)
  }
}

/** Merchant records, read from bytes. Also rebuilds full records from stored text. */
export class MerchantReader implements SideReader {
  columns: MerchantColumns | undefined
  /** The header's fields, once read. */
  headerFields: string[] = []
  width = 0
  private starts = new Int32Array(0)
  constructor(
    readonly file: string,
    private readonly sink: RowSink,
  ) {}

  header(fields: string[]): void {
    this.columns = merchantHeader(fields, this.file)
    this.headerFields = fields
    this.width = fields.length
    this.starts = new Int32Array(this.width + 1)
  }

  bytes(buf: Buffer, start: number, end: number, line: number): boolean {
    const width = this.width
    const starts = this.starts
    const c = this.columns!
    let n = 0
    starts[0] = start
    for (let i = start; i < end; i++) {
      if (buf[i] === 44) {
        if (++n >= width) return false
        starts[n] = i + 1
      }
    }
    if (n !== width - 1) return false
    starts[width] = end + 1
    const keyAt = starts[c.merchantOrderNo]!
    const keyLength = starts[c.merchantOrderNo + 1]! - 1 - keyAt
    if (keyLength === 0) return false
    const amount = fenAt(buf, starts[c.amount]!, starts[c.amount + 1]! - 1)
    if (amount < 0) return false
    const status = wordCode(buf, starts[c.status]!, starts[c.status + 1]! - 1, merchantWords, -1)
    if (status < 0) return false
    let flags = rowFlags.merchant
    if (c.recordType !== -1) {
      const typeAt = starts[c.recordType]!
      const typeEnd = starts[c.recordType + 1]! - 1
      if (typeEnd !== typeAt && !equalsAt(buf, typeAt, typeEnd, order)) {
        if (!equalsAt(buf, typeAt, typeEnd, refund)) return false
        flags |= rowFlags.refund
      }
    }
    let orderIdAt = -1
    let orderIdLength = -1
    if (c.orderId !== -1) {
      const at = starts[c.orderId]!
      const length = starts[c.orderId + 1]! - 1 - at
      if (length > 0) {
        orderIdAt = at
        orderIdLength = length
      }
    }
    this.sink.add(
      buf,
      flags,
      status,
      amount,
      line,
      keyAt,
      keyLength,
      orderIdAt,
      orderIdLength,
      start,
      end - start,
    )
    return true
  }

  fields(fields: string[], line: number): void {
    const record = this.row(fields, line)
    addFromStrings(
      this.sink,
      fields,
      rowFlags.merchant | (record.recordType === 'refund' ? rowFlags.refund : 0),
      merchantStatusCode[record.status]!,
      record.amount,
      line,
      record.recordType === 'order' ? record.merchantOrderNo : record.merchantRefundNo,
      record.orderId,
    )
  }

  /** The record of a CSV record, exactly as `parseMerchantRecordsCsv` builds it. */
  row(fields: readonly string[], line: number): MerchantRecord {
    return merchantRecordFromFields(fields, this.columns!, this.width, line, this.file)
  }
}

/**
 * Where a scan starts and what it found: `continued` when the source is the rest of a file from the
 * start of a line past its header (the reader's header is already read; no byte-order mark, lines
 * counted from that point); `lines` is set to the lines read.
 */
export interface ScanExtent {
  continued: boolean
  lines: number
}

/**
 * Reads one CSV source into `reader` without decoding it line by line: lines without a quote are
 * read from bytes; the header, quoted records and anything unusual go through the same code as the
 * parsers, so results and errors are the same (errors of a chunk come in the parser's order: record
 * splitting first, then field checks). `onBlock` learns where in the byte stream each block of lines
 * handed to the reader starts. Returns the number of records (header excluded).
 */
export async function scanCsv(
  source: ByteSource,
  reader: SideReader,
  options: ParseCsvOptions,
  onBlock?: (streamOffset: number) => void,
  extent?: ScanExtent,
): Promise<number> {
  const file = reader.file
  const continued = extent?.continued === true
  const chunker = new LineChunker(file, options.maxLineLength, continued)
  let lineNo = 0
  let records = 0
  let haveHeader = continued
  let open: { text: string; line: number; parts: number } | undefined
  let handedOut = 0

  const chunkLines = (blocks: Buffer[]): void => {
    let deferred: unknown
    let lastRecord = 0
    const record = (fields: string[], line: number) => {
      lastRecord = line
      if (deferred !== undefined) return
      try {
        if (haveHeader) {
          reader.fields(fields, line)
          records++
        } else {
          haveHeader = true
          reader.header(fields)
        }
      } catch (error) {
        deferred = error
      }
    }
    for (const buf of blocks) {
      onBlock?.(chunker.dropped + handedOut)
      handedOut += buf.length
      const end = buf.length
      let pos = 0
      let quote = -1
      while (pos < end) {
        const newline = buf.indexOf(10, pos)
        let stop = newline
        if (stop > pos && buf[stop - 1] === 13) stop--
        const line = ++lineNo
        if (quote < pos) {
          quote = buf.indexOf(34, pos)
          if (quote === -1) quote = end
        }
        if (open === undefined && haveHeader && quote >= stop) {
          if (stop > pos) {
            lastRecord = line
            if (deferred === undefined) {
              if (reader.bytes(buf, pos, stop, line)) records++
              else record(buf.toString('utf8', pos, stop).split(','), line)
            }
          }
          pos = newline + 1
          continue
        }
        let text = buf.toString('utf8', pos, stop)
        pos = newline + 1
        if (line === 1 && !continued && text.charCodeAt(0) === 0xfeff) text = text.slice(1)
        if (open === undefined) {
          if (text.length === 0) continue
          if (text.indexOf('"') === -1) {
            record(text.split(','), line)
            continue
          }
          open = { text, line, parts: 1 }
        } else {
          open.text += `\n${text}`
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
        const at = open.line
        open = undefined
        record(parsed, at)
      }
    }
    chunker.lines = lineNo
    if (lastRecord > 0) options.onProgress?.(lastRecord)
    if (deferred !== undefined) throw deferred
  }

  for await (const chunk of toAsyncIterable(source)) {
    const blocks = chunker.push(chunk)
    if (blocks.length > 0) chunkLines(blocks)
  }
  const last = chunker.end()
  if (last.length > 0) chunkLines(last)
  if (open !== undefined)
    throw inputError({ file, line: open.line }, 'a quoted field is not closed before the end of the file')
  if (extent !== undefined) extent.lines = lineNo
  return records
}

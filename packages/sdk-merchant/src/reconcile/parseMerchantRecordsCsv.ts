import { headerIndex } from './csv/headerIndex.js'
import { inputError } from './csv/inputError.js'
import { describeBadFen, parseFen } from './csv/parseFen.js'
import { readCsvBatches } from './csv/readCsvRecords.js'
import type { ByteSource } from './csv/toAsyncIterable.js'
import { type CsvOrigin, csvOrigin, startCsv, tagCsv } from './fast/csvOrigin.js'
import type { ParseCsvOptions } from './parseStatementCsv.js'
import type { MerchantRecord, MerchantStatus } from './types.js'

/** Columns the merchant's CSV must have (any order; found by header name). */
export const merchantCsvRequiredColumns = ['merchantOrderNo', 'amount', 'status'] as const
/** Columns the merchant's CSV may have; any other column is ignored. */
export const merchantCsvOptionalColumns = ['recordType', 'orderId'] as const

const statuses: ReadonlyMap<string, MerchantStatus> = new Map(
  (['succeeded', 'failed', 'unknown', 'pending'] as const).map((status) => [status, status]),
)

/** Column positions of a merchant records header; optional columns are -1 when absent. */
export type MerchantColumns = Record<
  (typeof merchantCsvRequiredColumns)[number] | (typeof merchantCsvOptionalColumns)[number],
  number
>

/**
 * The header of a merchant records CSV: column positions by name, or an `invalid_request` error.
 *
 * @example
 * merchantHeader(['merchantOrderNo', 'amount', 'status'], 'records.csv').recordType // -1
 */
export function merchantHeader(header: readonly string[], file: string): MerchantColumns {
  return headerIndex(header, merchantCsvRequiredColumns, merchantCsvOptionalColumns, file)
}

/**
 * Builds one merchant record from the fields of a CSV record, checking them exactly as
 * {@link parseMerchantRecordsCsv} does. Shared by the parser and the reconciler's fast path.
 *
 * @example
 * merchantRecordFromFields(['M-1', '1000', 'succeeded'], columns, 3, 2, 'records.csv')
 */
export function merchantRecordFromFields(
  f: readonly string[],
  index: MerchantColumns,
  width: number,
  line: number,
  file: string,
): MerchantRecord {
  if (f.length !== width) {
    throw inputError({ file, line }, `expected ${width} fields like the header, found ${f.length}`)
  }
  const noColumn = index.merchantOrderNo
  const amountColumn = index.amount
  const statusColumn = index.status
  const typeColumn = index.recordType
  const orderIdColumn = index.orderId
  const merchantNo = f[noColumn]!
  const amount = parseFen(f[amountColumn]!)
  const status = statuses.get(f[statusColumn]!)
  const type = typeColumn === -1 ? '' : f[typeColumn]!
  const orderIdText = orderIdColumn === -1 ? '' : f[orderIdColumn]!
  const orderId = orderIdText.length === 0 ? undefined : orderIdText
  if (merchantNo.length === 0) {
    throw inputError({ file, line, column: noColumn + 1, field: 'merchantOrderNo' }, 'is empty')
  }
  if (amount === undefined) {
    throw inputError(
      { file, line, column: amountColumn + 1, field: 'amount' },
      describeBadFen(f[amountColumn]!),
    )
  }
  if (status === undefined) {
    throw inputError(
      { file, line, column: statusColumn + 1, field: 'status' },
      `expected succeeded, failed, unknown or pending, got ${JSON.stringify(f[statusColumn])}`,
    )
  }
  if (type === '' || type === 'order') {
    return { recordType: 'order', merchantOrderNo: merchantNo, amount, status, orderId, line }
  }
  if (type === 'refund') {
    return { recordType: 'refund', merchantRefundNo: merchantNo, amount, status, orderId, line }
  }
  throw inputError(
    { file, line, column: typeColumn + 1, field: 'recordType' },
    `expected order or refund, got ${JSON.stringify(type)}`,
  )
}

/**
 * Reads the merchant's own records (a CSV export of your books) row by row.
 *
 * Columns, found by header name, in any order:
 * - `merchantOrderNo` (required): your order number; on a refund row, your refund number.
 * - `amount` (required): integer fen.
 * - `status` (required): your view — `succeeded`, `failed`, `unknown` (a call's outcome was never
 *   learnt) or `pending` (not final when you exported).
 * - `recordType` (optional): `order` (the default when the column is absent or empty) or `refund`.
 * - `orderId` (optional): the gateway order id you stored; compared with the statement when not empty.
 *
 * Other columns are ignored. A bad line is an `invalid_request` error naming file, line and column.
 * Handed straight to `reconcile`, it is read on a byte-level fast path with the same results.
 *
 * @example
 * import { createReadStream } from 'node:fs'
 * for await (const record of parseMerchantRecordsCsv(createReadStream('records.csv'), { name: 'records.csv' })) {
 *   console.log(record.recordType, record.status, record.amount)
 * }
 */
export function parseMerchantRecordsCsv(
  source: ByteSource,
  options: ParseCsvOptions = {},
): AsyncGenerator<MerchantRecord> {
  const origin = csvOrigin('merchant', source, options)
  return tagCsv(merchantRows(source, options, origin), origin)
}

async function* merchantRows(
  source: ByteSource,
  options: ParseCsvOptions,
  origin: CsvOrigin,
): AsyncGenerator<MerchantRecord> {
  startCsv(origin)
  const file = options.name ?? 'merchant records'
  let index: MerchantColumns | undefined
  let width = 0
  for await (const { records, lines } of readCsvBatches(source, file, options.maxLineLength)) {
    options.onProgress?.(lines[lines.length - 1]!)
    let start = 0
    if (index === undefined) {
      index = merchantHeader(records[0]!, file)
      width = records[0]!.length
      start = 1
    }
    for (let r = start; r < records.length; r++) {
      yield merchantRecordFromFields(records[r]!, index, width, lines[r]!, file)
    }
  }
}

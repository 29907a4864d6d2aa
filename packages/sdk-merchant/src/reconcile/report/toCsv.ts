import { chunkLines } from '../csv/chunkLines.js'
import { csvField } from '../csv/csvField.js'
import { csvTextField } from '../csv/csvTextField.js'
import type { ReconcileEntry, RowSource } from '../types.js'

/** The columns {@link toCsv} writes. Values of several rows (duplicates) are joined with `|`. */
export const discrepancyCsvColumns = [
  'category',
  'recordType',
  'merchantNo',
  'amountFen',
  'statementStatus',
  'merchantStatus',
  'statementAmount',
  'merchantAmount',
  'orderId',
  'differences',
  'statementLines',
  'merchantLines',
] as const

const joined = (values: readonly (string | number | null | undefined)[]) =>
  values.map((value) => (value === null || value === undefined ? '' : String(value))).join('|')

/**
 * Discrepancies as CSV, one line per key, streamed in chunks (pipe it to a file). `differences`
 * reads like `amount:10000!=9900` (statement value, then merchant value).
 *
 * @example
 * const run = reconcile(statementRows, records)
 * await pipeline(Readable.from(toCsv(run)), createWriteStream('discrepancies.csv'))
 */
export function toCsv(discrepancies: RowSource<ReconcileEntry>): AsyncGenerator<string> {
  return chunkLines(discrepancyCsvColumns.join(','), discrepancies, discrepancyCsvLine)
}

/**
 * One line of {@link toCsv} (no line end), for writers that push entries themselves.
 *
 * @example
 * discrepancyCsvLine(entry) // 'amount_mismatch,order,M-1,10000,succeeded,succeeded,10000,9900,ord_1,amount:10000!=9900,2,2'
 */
export function discrepancyCsvLine(entry: ReconcileEntry): string {
  const s = entry.statementRows
  const m = entry.merchantRecords
  return [
    entry.category,
    entry.recordType,
    csvTextField(entry.merchantNo),
    entry.amountFen,
    csvTextField(joined(s.map((row) => row.status))),
    csvTextField(joined(m.map((record) => record.status))),
    csvField(joined(s.map((row) => row.amount))),
    csvField(joined(m.map((record) => record.amount))),
    csvTextField(s[0]?.orderId ?? m[0]?.orderId ?? ''),
    csvTextField(entry.differences.map((d) => `${d.field}:${d.statement}!=${d.merchant}`).join(';')),
    csvField(joined(s.map((row) => row.line))),
    csvField(joined(m.map((record) => record.line))),
  ].join(',')
}

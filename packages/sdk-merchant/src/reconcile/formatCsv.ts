import { chunkLines } from './csv/chunkLines.js'
import { csvField } from './csv/csvField.js'
import { csvTextField } from './csv/csvTextField.js'
import { merchantNoOf } from './keys.js'
import { statementCsvColumns } from './parseStatementCsv.js'
import type { MerchantRecord, RowSource, StatementRow } from './types.js'

/**
 * Writes statement rows as the gateway's statement CSV (header first, `\n` line ends), streamed in
 * chunks; `parseStatementCsv` reads it back. Handy for tests, fixtures and benchmarks. Fields are written exactly
 * (the gateway's machine format, read back unchanged), not neutralised for spreadsheets as the
 * records CSV and the discrepancy report are.
 *
 * @example
 * import { Readable } from 'node:stream'
 * import { writeFile } from 'node:fs/promises'
 * await writeFile('statement.csv', Readable.from(formatStatementCsv(rows)))
 */
export function formatStatementCsv(rows: RowSource<StatementRow>): AsyncGenerator<string> {
  return chunkLines(statementCsvColumns.join(','), rows, (row) =>
    [
      row.recordType,
      csvField(row.id),
      csvField(merchantNoOf(row)),
      csvField(row.orderId),
      csvField(row.mode),
      csvField(row.status),
      row.amount,
      row.refundedAmount,
      csvField(row.payerWalletId),
      csvField(row.occurredAt),
    ].join(','),
  )
}

/** The columns {@link formatMerchantRecordsCsv} writes. */
export const merchantCsvColumns = ['recordType', 'merchantOrderNo', 'orderId', 'amount', 'status'] as const

/**
 * Writes merchant records as CSV with the columns `parseMerchantRecordsCsv` reads
 * (`recordType,merchantOrderNo,orderId,amount,status`), streamed in chunks. Text fields that a
 * spreadsheet would run as a formula are neutralised (see `csvTextField`); `amount` stays a number.
 *
 * @example
 * await writeFile('records.csv', Readable.from(formatMerchantRecordsCsv(records)))
 */
export function formatMerchantRecordsCsv(records: RowSource<MerchantRecord>): AsyncGenerator<string> {
  return chunkLines(merchantCsvColumns.join(','), records, (record) =>
    [
      record.recordType,
      csvTextField(merchantNoOf(record)),
      csvTextField(record.orderId),
      record.amount,
      csvTextField(record.status),
    ].join(','),
  )
}

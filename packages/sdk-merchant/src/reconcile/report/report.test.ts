import { describe, expect, it } from 'vitest'
import { parseQuotedRecord } from '../csv/parseQuotedRecord.js'
import { reconcile, reconcileToReport } from '../reconcile.js'
import { collect, orderRecord, orderRow } from '../testRows.js'
import { formatSummaryTable } from './formatSummaryTable.js'
import { discrepancyCsvColumns, toCsv } from './toCsv.js'
import { toJson, toJsonChunks } from './toJson.js'

const statement = [orderRow('A'), orderRow('B', { amount: 123456 }), orderRow('C,1'), orderRow('C,1')]
const records = [orderRecord('A'), orderRecord('B', { amount: 123450 }), orderRecord('D', { amount: 5 })]

describe('reports', () => {
  it('formatSummaryTable aligns categories, counts and yuan', async () => {
    const report = await reconcileToReport(statement, records)
    const table = formatSummaryTable(report)
    expect(table.split('\n')).toEqual([
      'category                           keys  statement rows  merchant rows  amount (yuan)',
      '---------------------------------  ----  --------------  -------------  -------------',
      'merchant_succeeded_gateway_failed     0               0              0           0.00',
      'merchant_failed_gateway_succeeded     0               0              0           0.00',
      'amount_mismatch                       1               1              1       1,234.56',
      'duplicate                             1               2              0          20.00',
      'gateway_only                          0               0              0           0.00',
      'merchant_only                         1               0              1           0.05',
      'merchant_unknown                      0               0              0           0.00',
      'gateway_processing                    0               0              0           0.00',
      'matched                               1               1              1          10.00',
      '---------------------------------  ----  --------------  -------------  -------------',
      'Input: 4 statement rows, 3 merchant records. 3 discrepancies.',
    ])
    expect(formatSummaryTable(report.summary)).toBe(table)
  })

  it('toCsv writes one parseable line per discrepancy', async () => {
    const text = (await collect(toCsv(reconcile(statement, records)))).join('')
    const [header, ...lines] = text.trimEnd().split('\n')
    expect(header).toBe(discrepancyCsvColumns.join(','))
    const rows = lines
      .map((line) => parseQuotedRecord(`${line},""`) as string[])
      .sort((a, b) => a[0]!.localeCompare(b[0]!))
    expect(rows.map((row) => row.slice(0, 4))).toEqual([
      ['amount_mismatch', 'order', 'B', '123456'],
      ['duplicate', 'order', 'C,1', '2000'],
      ['merchant_only', 'order', 'D', '5'],
    ])
    expect(rows[0]![9]).toBe('amount:123456!=123450')
    expect(rows[1]![4]).toBe('succeeded|succeeded')
    expect(rows[1]![10]).toBe('|')
  })

  it('toJson and toJsonChunks write the same document', async () => {
    const report = await reconcileToReport(statement, records)
    const run = reconcile(statement, records)
    const streamed = JSON.parse((await collect(toJsonChunks(run, run.summary))).join(''))
    expect(streamed).toEqual(JSON.parse(toJson(report)))
    expect(streamed.summary.totals.amount_mismatch.amountFen).toBe(123456)
    expect(streamed.discrepancies).toHaveLength(3)
  })
})

import { formatYuan } from '@ecny/sdk-core'
import { type ReconcileReport, type ReconcileSummary, reconcileCategories } from '../types.js'

/**
 * A plain-text table of the categories with their key counts, rows per side and amounts in yuan,
 * aligned for a terminal, followed by the input row counts.
 *
 * @example
 * console.log(formatSummaryTable(report))
 * // category                           keys  statement rows  merchant rows  amount (yuan)
 * // merchant_succeeded_gateway_failed     2               2              2         150.00
 * // …
 */
export function formatSummaryTable(report: ReconcileReport | ReconcileSummary): string {
  const summary = 'summary' in report ? report.summary : report
  const header = ['category', 'keys', 'statement rows', 'merchant rows', 'amount (yuan)']
  const rows = reconcileCategories.map((category) => {
    const total = summary.totals[category]
    return [
      category,
      total.count.toLocaleString('en-US'),
      total.statementRows.toLocaleString('en-US'),
      total.merchantRows.toLocaleString('en-US'),
      formatYuan(total.amountFen, { grouping: true }),
    ]
  })
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  )
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd()
  const rule = widths.map((width) => '-'.repeat(width)).join('  ')
  const { statement, merchant } = summary.inputRows
  const verdict =
    summary.discrepancies === 0
      ? 'All keys matched.'
      : `${summary.discrepancies.toLocaleString('en-US')} discrepanc${summary.discrepancies === 1 ? 'y' : 'ies'}.`
  return [
    line(header),
    rule,
    ...rows.map(line),
    rule,
    `Input: ${statement.toLocaleString('en-US')} statement rows, ${merchant.toLocaleString('en-US')} merchant records. ${verdict}`,
  ].join('\n')
}

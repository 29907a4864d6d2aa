import {
  formatSummaryTable,
  type MerchantClient,
  type MerchantRecord,
  type ReconcileEntry,
  type ReconcileSummary,
  reconcile,
} from '@ecny/sdk-merchant'

export type NightlyReconciliationOptions = {
  merchant: MerchantClient
  /** The shop's own records of the day (from its database; any iterable or async iterable). */
  records: Iterable<MerchantRecord> | AsyncIterable<MerchantRecord>
  /** The statement's day, `YYYY-MM-DD` (Asia/Shanghai). */
  date: string
  /** Where the report goes. Default `console.log`. */
  print?: (text: string) => void
}

export type NightlyReconciliationResult = {
  summary: ReconcileSummary
  /** Every key that did not match, with what to do about it (see docs/reconciliation.md). */
  discrepancies: ReconcileEntry[]
  /** `true` when every order on both sides matched. */
  allMatched: boolean
}

/** Today's date in Asia/Shanghai, the statements' time zone, as `YYYY-MM-DD`. */
export function shanghaiDate(at: Date = new Date()): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}

/**
 * The nightly job: downloads the day's signed statement (verified before a row is read, streamed
 * to a temp file), reconciles it against the shop's own records, prints the summary table and each
 * discrepancy, and returns them so a scheduler can alert on them.
 *
 * @example
 * // e.g. from cron at 02:00 for yesterday
 * const { allMatched } = await runNightlyReconciliation({ merchant, records: await db.ordersOf(date), date })
 * if (!allMatched) await pageOnCall()
 */
export async function runNightlyReconciliation(
  options: NightlyReconciliationOptions,
): Promise<NightlyReconciliationResult> {
  const print = options.print ?? ((text: string) => console.log(text))
  const run = reconcile(options.merchant.statements.download(options.date), options.records)
  const discrepancies: ReconcileEntry[] = []
  for await (const entry of run) discrepancies.push(entry)
  const summary = await run.summary
  print(`Reconciliation for ${options.date}`)
  print(formatSummaryTable(summary))
  for (const entry of discrepancies) {
    print(`  ${entry.category}: ${entry.recordType} ${entry.merchantNo} (${entry.amountFen} fen)`)
  }
  return { summary, discrepancies, allMatched: discrepancies.length === 0 }
}

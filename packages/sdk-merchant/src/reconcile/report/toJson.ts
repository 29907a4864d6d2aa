import type { ReconcileEntry, ReconcileReport, ReconcileSummary } from '../types.js'

/**
 * The report as JSON text: `{ "summary": …, "discrepancies": [...] }`. Amounts stay integer fen.
 *
 * @example
 * await writeFile('report.json', toJson(await reconcileToReport(statementRows, records)))
 */
export function toJson(report: ReconcileReport, space: number | undefined = 2): string {
  return JSON.stringify({ summary: report.summary, discrepancies: report.discrepancies }, null, space)
}

/**
 * The same JSON document written while a run streams: the discrepancies first, one per line, then
 * the summary once it is known. Memory stays flat however many discrepancies there are.
 *
 * @example
 * const run = reconcile(statementRows, records)
 * await pipeline(Readable.from(toJsonChunks(run, run.summary)), createWriteStream('report.json'))
 */
export async function* toJsonChunks(
  entries: AsyncIterable<ReconcileEntry>,
  summary: Promise<ReconcileSummary>,
): AsyncGenerator<string> {
  let chunk = jsonReportStart
  let index = 0
  for await (const entry of entries) {
    chunk += jsonReportEntry(entry, index++)
    if (chunk.length >= 1 << 16) {
      yield chunk
      chunk = ''
    }
  }
  yield chunk + jsonReportEnd(await summary)
}

/** The first piece of a streamed JSON report (see {@link toJsonChunks}). */
export const jsonReportStart = '{\n"discrepancies": ['

/**
 * One discrepancy of a streamed JSON report; `index` is its 0-based position.
 *
 * @example
 * out.write(jsonReportStart); out.write(jsonReportEntry(entry, 0)); out.write(jsonReportEnd(summary))
 */
export function jsonReportEntry(entry: ReconcileEntry, index: number): string {
  return `${index === 0 ? '\n' : ',\n'}${JSON.stringify(entry)}`
}

/** The last piece of a streamed JSON report: closes the list and adds the summary. */
export function jsonReportEnd(summary: ReconcileSummary): string {
  return `\n],\n"summary": ${JSON.stringify(summary, null, 2)}\n}\n`
}

import { once } from 'node:events'
import { createReadStream } from 'node:fs'
import { EcnyError } from '@ecny/sdk-core'
import type { ByteSource } from '../csv/toAsyncIterable.js'
import { downloadStatementFromEnv, type StatementDownloadEnv } from '../downloadStatement.js'
import { parseMerchantRecordsCsv } from '../parseMerchantRecordsCsv.js'
import { parseStatementCsv } from '../parseStatementCsv.js'
import { reconcileReportText } from '../reconcile.js'
import { formatSummaryTable } from '../report/formatSummaryTable.js'
import { discrepancyCsvColumns, discrepancyCsvLine } from '../report/toCsv.js'
import { jsonReportEnd, jsonReportEntry, jsonReportStart } from '../report/toJson.js'
import { type FileSink, openFileSink } from './fileSink.js'
import { helpText, reconcileHelpText } from './helpText.js'
import { parseArgs, type ReconcileArgs } from './parseArgs.js'
import { createProgress } from './progress.js'

/** Streams the CLI writes to; `process.stdout`/`process.stderr` in the real command. */
export interface CliIo {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown; isTTY?: boolean }
  /** Where `--date` finds its credentials; `process.env` in the real command. */
  env?: Readonly<Record<string, string | undefined>>
}

/** Exit codes of `ecny`. */
export const exitCodes = { matched: 0, discrepancies: 1, error: 2 } as const

/** Opens a file up front, so a missing one is a clean error before any work (not a stray stream event). */
async function openInput(path: string): Promise<ByteSource> {
  // A stream of the path (not of a handle): reconcile can then read the few reported lines again
  // instead of holding every line in memory.
  const stream = createReadStream(path, { highWaterMark: 1 << 20 })
  await Promise.race([once(stream, 'open'), once(stream, 'error').then(([error]) => Promise.reject(error))])
  return stream
}

async function runReconcile(args: ReconcileArgs, io: CliIo): Promise<number> {
  const showProgress = args.progress ?? io.stderr.isTTY === true
  const progress = showProgress ? createProgress(io.stderr) : undefined
  const statementRows =
    args.statement !== undefined
      ? parseStatementCsv(await openInput(args.statement), {
          name: args.statement,
          onProgress: (lines) => progress?.update('statement', lines - 1),
        })
      : downloadStatementFromEnv(args.date!, (io.env ?? process.env) as StatementDownloadEnv)
  const recordsSource = await openInput(args.records)
  const sinks: FileSink[] = []
  try {
    const json = args.out !== undefined ? await openFileSink(args.out) : undefined
    if (json) sinks.push(json)
    const csv = args.csv !== undefined ? await openFileSink(args.csv) : undefined
    if (csv) sinks.push(csv)
    // The report's text is written by whichever thread joins a partition, not here entry by entry.
    const run = reconcileReportText(
      statementRows,
      parseMerchantRecordsCsv(recordsSource, {
        name: args.records,
        onProgress: (lines) => progress?.update('records', lines - 1),
      }),
      { includeMatched: args.includeMatched, memoryRows: args.memoryRows, threads: args.threads },
      { json: json !== undefined, csv: csv !== undefined },
    )
    await json?.write(jsonReportStart)
    await csv?.write(`${discrepancyCsvColumns.join(',')}\n`)
    let index = 0
    let joining = false
    for await (const batch of run.batches()) {
      if (!joining) {
        joining = true
        progress?.phase('joining')
      }
      if (Array.isArray(batch)) {
        let jsonText = ''
        let csvText = ''
        for (const entry of batch) {
          if (json) jsonText += jsonReportEntry(entry, index)
          if (csv) csvText += `${discrepancyCsvLine(entry)}\n`
          index++
        }
        await json?.write(jsonText)
        await csv?.write(csvText)
      } else if (batch.count > 0) {
        await json?.write(index === 0 ? '\n' : ',\n')
        await json?.write(batch.json)
        await csv?.write(batch.csv)
        index += batch.count
      }
    }
    const summary = await run.summary
    await json?.write(jsonReportEnd(summary))
    for (const sink of sinks.splice(0)) await sink.close()
    progress?.done()
    io.stdout.write(`${formatSummaryTable(summary)}\n`)
    return summary.discrepancies === 0 ? exitCodes.matched : exitCodes.discrepancies
  } finally {
    progress?.done()
    for (const sink of sinks) await sink.close().catch(() => {})
  }
}

function describe(error: unknown): string {
  if (error instanceof EcnyError) return error.shortMessage + (error.hint ? `\n${error.hint}` : '')
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') return (error as Error).message
  return error instanceof Error ? (error.stack ?? error.message) : String(error)
}

/**
 * Runs the `ecny` command line and returns the exit code: 0 every key matched, 1 discrepancies
 * found, 2 usage or input error.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2), process)
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv)
    if (args.command === 'help') {
      io.stdout.write(args.topic === 'reconcile' ? reconcileHelpText : helpText)
      return exitCodes.matched
    }
    return await runReconcile(args, io)
  } catch (error) {
    io.stderr.write(`ecny: ${describe(error)}\n`)
    return exitCodes.error
  }
}

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InvalidRequestError } from '@ecny/sdk-core'
import { checkMerchantRecord, checkStatementRow } from './checkRow.js'
import { claimableCsv, claimCsv } from './fast/csvOrigin.js'
import { reconcileCsv } from './fast/reconcileCsv.js'
import type { EntryBatch, ReportText } from './fast/storedJoin.js'
import { joinPartitions } from './joinPartitions.js'
import { KeyGroups } from './keyGroups.js'
import { reconcileKey } from './keys.js'
import { PartitionFiles } from './spill/PartitionFiles.js'
import { encodeMerchantRecord, encodeStatementRow } from './spill/spillCodec.js'
import { emptyTotals } from './totals.js'
import type {
  MerchantRecord,
  ReconcileEntry,
  ReconcileReport,
  ReconcileSummary,
  RowSource,
  StatementRow,
} from './types.js'

/** Options of {@link reconcile}. */
export interface ReconcileOptions {
  /** Yield matched keys too (default `false`: only discrepancies are yielded; totals always count all). */
  includeMatched?: boolean
  /**
   * Rows (both sides together) joined in memory. Past this, rows are spread over temp files by key
   * hash and joined one file at a time, so memory stays bounded. Default 100,000 for row objects;
   * 2,500,000 when both sides come straight from `parseStatementCsv` / `parseMerchantRecordsCsv`
   * (those rows are held as compact records, about 60 bytes each — plus the line itself when the
   * source is not a file that can be read again — and a limit of 64 MB of records applies too).
   */
  memoryRows?: number
  /** Partitions (temp files per level on the row-object path). Default 64; 256 on the CSV path. */
  partitions?: number
  /**
   * Threads for a run over two CSV files (`createReadStream` of each): `2` reads the statement on a
   * worker thread while this thread reads the records (and then the statement's rest), and both
   * threads join the partitions; `1` keeps everything on this thread. By default, 2 when the
   * statement file is 8 MiB or more (below that the worker's start-up does not pay). The entries,
   * their order, the totals and any error are the same either way. Other sources always use one
   * thread.
   */
  threads?: 1 | 2
  /** Where the temp files go. Default `os.tmpdir()`. They are deleted when the run ends, even on error. */
  tempDir?: string
}

/** A reconciliation in progress: iterate it for the entries, then read the totals. */
export interface ReconcileRun extends AsyncIterable<ReconcileEntry> {
  /**
   * The totals; resolves when iteration reaches the end (rejects if it fails or stops early). It
   * does not drive the run by itself: iterate, or call {@link ReconcileRun.done}.
   */
  readonly summary: Promise<ReconcileSummary>
  /** Runs whatever has not been iterated yet, dropping the entries, and resolves with the totals. */
  done(): Promise<ReconcileSummary>
}

const defaults = {
  memoryRows: 100_000,
  csvMemoryRows: 2_500_000,
  csvMemoryBytes: 64 * 2 ** 20,
  partitions: 64,
  csvPartitions: 256,
}

function checkOptions(options: ReconcileOptions): void {
  const { memoryRows, partitions, threads } = options
  if (threads !== undefined && threads !== 1 && threads !== 2) {
    throw new InvalidRequestError('invalid_request', `threads must be 1 or 2, got ${threads}`)
  }
  if (memoryRows !== undefined && !(Number.isSafeInteger(memoryRows) && memoryRows >= 1)) {
    throw new InvalidRequestError(
      'invalid_request',
      `memoryRows must be a positive integer, got ${memoryRows}`,
    )
  }
  if (
    partitions !== undefined &&
    !(Number.isSafeInteger(partitions) && partitions >= 2 && partitions <= 1024)
  ) {
    throw new InvalidRequestError(
      'invalid_request',
      `partitions must be an integer from 2 to 1024, got ${partitions}`,
    )
  }
}

/** Entries in arrays of up to 1,024; those before a failure are passed on before it. */
async function* inBatches(
  entries: AsyncIterable<ReconcileEntry> | Iterable<ReconcileEntry>,
): AsyncGenerator<ReconcileEntry[]> {
  let batch: ReconcileEntry[] = []
  try {
    for await (const entry of entries) {
      batch.push(entry)
      if (batch.length === 1024) {
        yield batch
        batch = []
      }
    }
  } catch (error) {
    if (batch.length > 0) yield batch
    throw error
  }
  if (batch.length > 0) yield batch
}

async function* run(
  statement: RowSource<StatementRow>,
  merchant: RowSource<MerchantRecord>,
  options: ReconcileOptions,
  text: ReportText | undefined,
  finish: (summary: ReconcileSummary) => void,
): AsyncGenerator<EntryBatch> {
  const partitions = options.partitions ?? defaults.partitions
  const includeMatched = options.includeMatched ?? false
  const totals = emptyTotals()
  const inputRows = { statement: 0, merchant: 0 }
  const summarize = (partitioned: boolean) => {
    let discrepancies = 0
    for (const [category, total] of Object.entries(totals))
      if (category !== 'matched') discrepancies += total.count
    finish({ inputRows, totals, discrepancies, strategy: partitioned ? 'partitioned' : 'memory' })
  }

  // Both sides straight from the CSV parsers and not read yet: join from the bytes.
  const statementCsv = claimableCsv(statement, 'statement')
  const merchantCsv = claimableCsv(merchant, 'merchant')
  if (statementCsv !== undefined && merchantCsv !== undefined) {
    const partitioned = yield* reconcileCsv(
      { source: claimCsv(statementCsv), options: statementCsv.options },
      { source: claimCsv(merchantCsv), options: merchantCsv.options },
      {
        memoryRows: options.memoryRows ?? defaults.csvMemoryRows,
        memoryBytes: defaults.csvMemoryBytes,
        partitions: options.partitions ?? defaults.csvPartitions,
        threads: options.threads ?? 'auto',
        tempDir: options.tempDir,
        includeMatched,
        totals,
        inputRows,
        text,
      },
    )
    summarize(partitioned)
    return
  }

  const memoryRows = options.memoryRows ?? defaults.memoryRows
  let groups = new KeyGroups()
  let dir: string | undefined
  let files: PartitionFiles | undefined

  const spill = async (): Promise<PartitionFiles> => {
    dir = await mkdtemp(join(options.tempDir ?? tmpdir(), 'ecny-reconcile-'))
    const created = PartitionFiles.create(dir, 'p', partitions, 0)
    files = created
    for (const [side, row] of groups.rowsBySide()) {
      created.add(reconcileKey(row), side === 'S' ? encodeStatementRow(row) : encodeMerchantRecord(row))
    }
    groups = new KeyGroups()
    return created
  }

  try {
    for await (const record of merchant) {
      checkMerchantRecord(record, ++inputRows.merchant)
      if (files === undefined) {
        groups.addMerchant(record)
        if (groups.rows > memoryRows) await spill()
      } else {
        files.add(reconcileKey(record), encodeMerchantRecord(record))
      }
    }
    for await (const row of statement) {
      checkStatementRow(row, ++inputRows.statement)
      if (files === undefined) {
        groups.addStatement(row)
        if (groups.rows > memoryRows) await spill()
      } else {
        files.add(reconcileKey(row), encodeStatementRow(row))
      }
    }
    if (files === undefined) {
      yield* inBatches(groups.entries({ totals, includeMatched }))
    } else {
      files.close()
      yield* inBatches(
        joinPartitions(files, 1, { dir: dir!, memoryRows, partitions, includeMatched, totals }),
      )
    }
    summarize(files !== undefined)
  } finally {
    files?.destroy()
    if (dir !== undefined) await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Reconciles the gateway's statement against the merchant's records. Rows are joined on record type
 * plus merchant order/refund number; every key lands in exactly one category (see `docs/reconciliation.md`
 * for the rules). Either side may come in any order and may be larger than memory: past
 * `memoryRows` rows are partitioned into temp files by key hash and joined part by part.
 *
 * The run yields discrepancies as they are found (matched keys too with `includeMatched`); the
 * totals per category are ready when iteration ends. A run can be iterated once.
 *
 * @example
 * const run = reconcile(
 *   parseStatementCsv(createReadStream('statement.csv'), { name: 'statement.csv' }),
 *   parseMerchantRecordsCsv(createReadStream('records.csv'), { name: 'records.csv' }),
 * )
 * for await (const entry of run) console.log(entry.category, entry.merchantNo, entry.amountFen)
 * const { totals } = await run.summary
 * console.log(totals.merchant_succeeded_gateway_failed.count)
 */
export function reconcile(
  statement: RowSource<StatementRow>,
  merchant: RowSource<MerchantRecord>,
  options: ReconcileOptions = {},
): ReconcileRun {
  const started = startRun(statement, merchant, options, undefined)
  async function* entries(batches: AsyncGenerator<EntryBatch>): AsyncGenerator<ReconcileEntry> {
    for await (const batch of batches) yield* batch as ReconcileEntry[]
  }
  // The batches are asked for at once, so that a second iteration fails where it starts.
  const start = () => entries(started.batches())
  return {
    summary: started.summary,
    [Symbol.asyncIterator]: start,
    async done() {
      if (!started.started) for await (const _ of start());
      return started.summary
    },
  }
}

/**
 * A run as the `ecny` CLI drives it (internal): entries come a batch at a time, and where the CSV
 * path can, already as the report text `text` asks for, written by whichever thread joined them
 * (see `ReportText`); other batches are entry objects for the caller to write.
 *
 * @example
 * const run = reconcileReportText(statementRows, records, {}, { json: true, csv: false })
 * for await (const batch of run.batches()) write(batch)
 */
export function reconcileReportText(
  statement: RowSource<StatementRow>,
  merchant: RowSource<MerchantRecord>,
  options: ReconcileOptions,
  text: ReportText,
): { summary: Promise<ReconcileSummary>; batches(): AsyncGenerator<EntryBatch> } {
  return startRun(statement, merchant, options, text)
}

function startRun(
  statement: RowSource<StatementRow>,
  merchant: RowSource<MerchantRecord>,
  options: ReconcileOptions,
  text: ReportText | undefined,
): { summary: Promise<ReconcileSummary>; batches(): AsyncGenerator<EntryBatch>; started: boolean } {
  checkOptions(options)
  let settle: { resolve: (summary: ReconcileSummary) => void; reject: (error: unknown) => void } | undefined
  const summary = new Promise<ReconcileSummary>((resolve, reject) => {
    settle = { resolve, reject }
  })
  // Failures reach the caller through iteration; an unread summary must not crash the process.
  summary.catch(() => {})
  let settled = false

  async function* batches(): AsyncGenerator<EntryBatch> {
    try {
      yield* run(statement, merchant, options, text, (totals) => {
        settled = true
        settle!.resolve(totals)
      })
    } catch (error) {
      settled = true
      settle!.reject(error)
      throw error
    } finally {
      if (!settled)
        settle!.reject(new InvalidRequestError('invalid_request', 'reconcile stopped before the end'))
    }
  }
  const handle = {
    summary,
    started: false,
    batches: (): AsyncGenerator<EntryBatch> => {
      if (handle.started)
        throw new InvalidRequestError('invalid_request', 'a reconcile run can be iterated only once')
      handle.started = true
      return batches()
    },
  }
  return handle
}

/**
 * Reconciles and keeps the discrepancies in memory: simplest when they are few (the rows themselves
 * are still streamed and partitioned as in {@link reconcile}).
 *
 * @example
 * const report = await reconcileToReport(statementRows, merchantRecords)
 * console.log(formatSummaryTable(report))
 */
export async function reconcileToReport(
  statement: RowSource<StatementRow>,
  merchant: RowSource<MerchantRecord>,
  options: ReconcileOptions = {},
): Promise<ReconcileReport> {
  const run = reconcile(statement, merchant, options)
  const discrepancies: ReconcileEntry[] = []
  for await (const entry of run) discrepancies.push(entry)
  return { summary: await run.summary, discrepancies }
}

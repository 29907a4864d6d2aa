import { Buffer } from 'node:buffer'
import { mkdtempSync, type ReadStream, statSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InvalidRequestError } from '@ecny/sdk-core'
import { defaultMaxLineLength } from '../csv/lineTooLongError.js'
import type { ByteSource } from '../csv/toAsyncIterable.js'
import type { ParseCsvOptions } from '../parseStatementCsv.js'
import type { Tally } from '../tally.js'
import type { ReconcileEntry } from '../types.js'
import { JoinScratch, joinPartition, type RowBuilders } from './partitionJoin.js'
import { PartitionStore, Slabs, type StoreBudget } from './partitionStore.js'
import { MerchantReader, StatementReader, scanCsv } from './scanCsv.js'
import { type ScanInWorker, scanInWorker, scanWorkerFile } from './scanInWorker.js'
import { fileChunks, LineRereader, rereadablePath } from './sourceFile.js'

/** Lines longer than this are read from the stream as given, not from reused buffers. */
const maxChunkedLine = 64 * 2 ** 20

/** Below this many statement bytes, starting a worker costs more than it saves (`threads: 'auto'`). */
const workerMinBytes = 8 * 2 ** 20

/** One side of a CSV run: its bytes and the parser options it was given. */
export interface CsvInput {
  source: ByteSource
  options: ParseCsvOptions
}

/** Settings of a CSV run. */
export interface CsvRunSettings extends Tally {
  memoryRows: number
  /** Bytes of records held in memory, both sides together, before they are appended to temp files. */
  memoryBytes: number
  partitions: number
  /**
   * 1: everything on this thread; 2: the statement is read on a worker thread meanwhile; `auto`: 2
   * when the statement file is big enough for the worker's start-up to pay.
   */
  threads: 1 | 2 | 'auto'

  tempDir: string | undefined
  inputRows: { statement: number; merchant: number }
}

/**
 * Reconciles two CSV sources straight from their bytes. Each side's lines are read from bytes into
 * compact records spread over `partitions` partitions by key hash (a line that can be read again from
 * its file is kept as its position, not its text); past the memory limits the records are appended to
 * one temp file per partition. Then the partitions are joined one at a time, each in a hash table
 * small enough to stay in cache. Fills `settings.totals` and `settings.inputRows`; yields the entries
 * wanted, partition by partition. Returns whether anything went to disk.
 */
export async function* reconcileCsv(
  statement: CsvInput,
  merchant: CsvInput,
  settings: CsvRunSettings,
): AsyncGenerator<ReconcileEntry, boolean> {
  let dir: string | undefined
  const merchantPath = rereadablePath(merchant.source)
  const statementPath = rereadablePath(statement.source)
  const limitOf = (input: CsvInput) => input.options.maxLineLength ?? defaultMaxLineLength
  // The worker reads the statement (usually the bigger file) from its path while this thread reads
  // the records; each holds half the memory budget.
  const worker =
    (settings.threads === 2 ||
      (settings.threads === 'auto' &&
        statementPath !== undefined &&
        statSync(statementPath).size >= workerMinBytes)) &&
    merchantPath !== undefined &&
    statementPath !== undefined &&
    limitOf(statement) <= maxChunkedLine &&
    scanWorkerFile() !== undefined
  const share = worker ? 2 : 1
  const budget: StoreBudget = {
    bytes: 0,
    rows: 0,
    memoryBytes: Math.ceil(settings.memoryBytes / share),
    memoryRows: Math.ceil(settings.memoryRows / share),
    dir: () => {
      dir ??= mkdtempSync(join(settings.tempDir ?? tmpdir(), 'ecny-reconcile-'))
      return dir
    },
    stores: [],
    slabs: new Slabs(),
  }
  const merchantStore = new PartitionStore('m', settings.partitions, budget, merchantPath !== undefined)
  const statementStore = new PartitionStore('s', settings.partitions, budget, statementPath !== undefined)
  const merchantReader = new MerchantReader(merchant.options.name ?? 'merchant records', merchantStore)
  const statementReader = new StatementReader(statement.options.name ?? 'statement', statementStore)
  const merchantLines = merchantPath === undefined ? undefined : new LineRereader(merchantPath)
  const statementLines = statementPath === undefined ? undefined : new LineRereader(statementPath)
  const build: RowBuilders = {
    statement: (fields, line) => statementReader.row(fields, line),
    merchant: (fields, line) => merchantReader.row(fields, line),
    reread: (isMerchant, offset, length) =>
      (isMerchant ? merchantLines : statementLines)!.read(offset, length),
    changed: (isMerchant, line) => {
      throw new InvalidRequestError(
        'invalid_request',
        `${isMerchant ? merchantReader.file : statementReader.file} line ${line} changed while it was being reconciled`,
        { hint: 'Do not modify the input files until reconcile has finished; run again.' },
      )
    },
  }
  // Files are read into a few reused buffers (a line longer than 64 MiB allowed: the stream as given).
  const bytesOf = (input: CsvInput, path: string | undefined): ByteSource =>
    path !== undefined && limitOf(input) <= maxChunkedLine
      ? fileChunks(input.source as ReadStream, path, limitOf(input))
      : input.source
  let workerDir: string | undefined
  let scan: ScanInWorker | undefined
  try {
    if (worker) {
      workerDir = mkdtempSync(join(settings.tempDir ?? tmpdir(), 'ecny-reconcile-'))
      scan = scanInWorker(
        {
          side: 'statement',
          path: statementPath!,
          name: statementReader.file,
          maxLineLength: limitOf(statement),
          partitions: settings.partitions,
          memoryBytes: budget.memoryBytes,
          memoryRows: budget.memoryRows,
          tempDir: workerDir,
        },
        statement.options.onProgress,
      )
    }
    settings.inputRows.merchant = await scanCsv(
      bytesOf(merchant, merchantPath),
      merchantReader,
      merchant.options,
      (at) => {
        merchantStore.blockStart = at
      },
    )
    const handed = await scan?.result
    if (handed !== undefined) {
      // The worker read the file by its path: the stream given is not needed.
      ;(statement.source as ReadStream).destroy()
      statementReader.header(handed.header)
      statementStore.adopt(handed.contents)
      settings.inputRows.statement = handed.records
    } else {
      // One thread, or the worker failed: read it here (a bad file then fails as on one thread).
      settings.inputRows.statement = await scanCsv(
        bytesOf(statement, statementPath),
        statementReader,
        statement.options,
        (at) => {
          statementStore.blockStart = at
        },
      )
    }
    const spilled = merchantStore.spilled || statementStore.spilled
    const scratch = new JoinScratch()
    let buffer = Buffer.allocUnsafe(0)
    for (let p = 0; p < settings.partitions; p++) {
      const size = merchantStore.size(p) + statementStore.size(p)
      if (size === 0) continue
      if (buffer.length < size) buffer = Buffer.allocUnsafe(Math.max(size, buffer.length * 2))
      const end = statementStore.take(p, buffer, merchantStore.take(p, buffer, 0))
      yield* joinPartition(buffer, end, settings, build, scratch)
    }
    return spilled
  } finally {
    await scan?.stop()
    merchantStore.close()
    statementStore.close()
    merchantLines?.close()
    statementLines?.close()
    if (dir !== undefined) await rm(dir, { recursive: true, force: true })
    if (workerDir !== undefined) await rm(workerDir, { recursive: true, force: true })
  }
}

import { mkdtempSync, type ReadStream, statSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultMaxLineLength } from '../csv/lineTooLongError.js'
import type { ByteSource } from '../csv/toAsyncIterable.js'
import type { ParseCsvOptions } from '../parseStatementCsv.js'
import type { Tally } from '../tally.js'
import { csvRowBuilders } from './csvRowBuilders.js'
import { joinOnTwoThreads } from './joinOnTwoThreads.js'
import {
  continuedLine,
  PartitionStore,
  Slabs,
  type StoreBudget,
  type StoreContents,
  StoredPartitions,
} from './partitionStore.js'
import { MerchantReader, StatementReader, scanCsv } from './scanCsv.js'
import { type ScanInWorker, scanInWorker, scanWorkerFile } from './scanInWorker.js'
import { splitControl } from './scanJob.js'
import { ChunkBuffers, chunkSize, fileChunks, lineStart, rereadablePath } from './sourceFile.js'
import { type EntryBatch, emptyBatch, type ReportText, StoredJoin } from './storedJoin.js'

/** Lines longer than this are read from the stream as given, not from reused buffers. */
const maxChunkedLine = 64 * 2 ** 20

/**
 * The share of the statement still unread when the records are done that this thread reads itself
 * (the worker reads the rest), and the fewest chunks (MiB) worth taking.
 */
const tailShare = 0.5
const tailLeast = 4

/**
 * The part of `memoryBytes` each thread's records may take on two threads: a little under half, so
 * that the worker's own heap and buffers fit in about the footprint of one thread. (The strategy
 * reported is still one thread's: see `JoinScratch.chunkBytes`.)
 */
const twoThreadBytes = 3 / 8

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
   * 1: everything on this thread; 2: a worker thread reads the statement meanwhile (this thread
   * its rest) and joins partitions too; `auto`: 2 when the statement file is big enough for the
   * worker's start-up to pay.
   */
  threads: 1 | 2 | 'auto'

  tempDir: string | undefined
  inputRows: { statement: number; merchant: number }
  /** Write the entries as report text instead of yielding them as objects (see {@link ReportText}). */
  text?: ReportText | undefined
  /**
   * Hears how the work went: `tail` when this thread read the rest of the statement, `worker` for
   * each partition the worker joined (for tests).
   */
  trace?: ((event: 'tail' | 'worker') => void) | undefined
}

/**
 * Reconciles two CSV sources straight from their bytes. Each side's lines are read from bytes into
 * compact records spread over `partitions` partitions by key hash (a line that can be read again from
 * its file is kept as its position, not its text); past the memory limits the records are appended to
 * one temp file per partition. Then the partitions are joined, each in a hash table small enough to
 * stay in cache: one at a time, or on two threads (see {@link joinOnTwoThreads}). Fills
 * `settings.totals` and `settings.inputRows`; yields the entries wanted, a batch per partition in
 * partition order (as text when `settings.text` asks). Returns whether one thread would have gone to
 * disk (and, on one thread, did).
 */
export async function* reconcileCsv(
  statement: CsvInput,
  merchant: CsvInput,
  settings: CsvRunSettings,
): AsyncGenerator<EntryBatch, boolean> {
  let dir: string | undefined
  const merchantPath = rereadablePath(merchant.source)
  const statementPath = rereadablePath(statement.source)
  const limitOf = (input: CsvInput) => input.options.maxLineLength ?? defaultMaxLineLength
  // The worker reads the statement (usually the bigger file) from its path while this thread reads
  // the records; each holds a part of the memory budget.
  const worker =
    (settings.threads === 2 ||
      (settings.threads === 'auto' &&
        statementPath !== undefined &&
        statSync(statementPath).size >= workerMinBytes)) &&
    merchantPath !== undefined &&
    statementPath !== undefined &&
    limitOf(statement) <= maxChunkedLine &&
    scanWorkerFile() !== undefined
  const budget: StoreBudget = {
    bytes: 0,
    rows: 0,
    memoryBytes: Math.ceil(settings.memoryBytes * (worker ? twoThreadBytes : 1)),
    memoryRows: Math.ceil(settings.memoryRows / (worker ? 2 : 1)),
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
  const rows = csvRowBuilders(statementReader, merchantReader, statementPath, merchantPath)
  // Files are read into a few reused buffers (a line longer than 64 MiB allowed: the stream as given).
  const buffers = new ChunkBuffers()
  const bytesOf = (input: CsvInput, path: string | undefined): ByteSource =>
    path !== undefined && limitOf(input) <= maxChunkedLine
      ? fileChunks(input.source as ReadStream, path, limitOf(input), 0, buffers)
      : input.source
  let workerDir: string | undefined
  let scan: ScanInWorker | undefined
  let joiner: StoredJoin | undefined
  // The worker reads the statement from its start; this thread may take its rest (see `splitControl`).
  const split = worker ? new Int32Array(new SharedArrayBuffer(4)) : undefined
  let tailStore: PartitionStore | undefined
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
          split: split!.buffer as SharedArrayBuffer,
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
    // Done with the records while the worker is still reading: read the rest of the statement here.
    let tail: { contents: StoreContents; records: number } | 'failed' | undefined
    const first =
      scan === undefined
        ? undefined
        : splitControl.take(
            split!,
            Math.ceil(statSync(statementPath!).size / chunkSize),
            tailShare,
            tailLeast,
          )
    const header = first === undefined ? undefined : await scan!.header
    if (first !== undefined && header !== undefined) {
      const start = lineStart(statementPath!, first * chunkSize)
      const store = new PartitionStore('t', settings.partitions, budget, true)
      tailStore = store
      store.lineFlags = continuedLine
      const reader = new StatementReader(statementReader.file, store)
      try {
        reader.header(header)
        const records = await scanCsv(
          fileChunks(undefined, statementPath!, limitOf(statement), start, buffers),
          reader,
          { name: statementReader.file, maxLineLength: limitOf(statement) },
          (at) => {
            store.blockStart = start + at
          },
          { continued: true, lines: 0 },
        )
        tail = { contents: store.handOver(), records }
        settings.trace?.('tail')
      } catch {
        // Read again from the start below, so that the error is the one a single thread raises.
        tail = 'failed'
      }
    }
    const result = await scan?.result
    const handed = tail === 'failed' ? undefined : result
    let statementContents: StoreContents[]
    if (handed !== undefined) {
      // The worker read the file by its path: the stream given is not needed.
      ;(statement.source as ReadStream).destroy()
      statementReader.header(handed.header)
      statementContents = [handed.contents]
      settings.inputRows.statement = handed.records
      if (tail !== undefined && tail !== 'failed') {
        statementContents.push(tail.contents)
        settings.inputRows.statement += tail.records
        rows.builders.continuedLines = handed.lines
      }
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
      statementContents = [statementStore.handOver()]
    }
    const merchantContents = merchantStore.handOver()
    const stored = new StoredJoin(
      new StoredPartitions(merchantContents),
      statementContents.map((contents) => new StoredPartitions(contents)),
      rows.builders,
      settings.text,
    )
    joiner = stored
    // One thread's budget decides the strategy reported, however the rows were actually held.
    let chunkBytes = 0
    const count = (bytes: number) => {
      chunkBytes += bytes
    }
    if (handed !== undefined) {
      yield* joinOnTwoThreads(
        stored,
        scan!,
        {
          partitions: settings.partitions,
          includeMatched: settings.includeMatched,
          text: settings.text,
          merchant: {
            path: merchantPath!,
            name: merchantReader.file,
            header: merchantReader.headerFields,
            contents: [merchantContents],
            continuedLines: 0,
          },
          statement: {
            path: statementPath!,
            name: statementReader.file,
            header: statementReader.headerFields,
            contents: statementContents,
            continuedLines: rows.builders.continuedLines,
          },
        },
        settings,
        { count, joined: () => settings.trace?.('worker') },
      )
    } else {
      for (let p = 0; p < settings.partitions; p++) {
        const output = stored.join(p, settings)
        count(output.chunkBytes)
        if (!emptyBatch(output.batch)) yield output.batch
        if (output.error !== undefined) throw output.error
        stored.release(output.batch)
      }
    }
    if (!worker) return merchantContents.spilled || statementContents.some((contents) => contents.spilled)
    const { merchant: m, statement: s } = settings.inputRows
    return m + s > settings.memoryRows || chunkBytes > settings.memoryBytes
  } finally {
    await scan?.stop()
    merchantStore.close()
    statementStore.close()
    tailStore?.close()
    joiner?.close()
    rows.close()
    if (dir !== undefined) await rm(dir, { recursive: true, force: true })
    if (workerDir !== undefined) await rm(workerDir, { recursive: true, force: true })
  }
}

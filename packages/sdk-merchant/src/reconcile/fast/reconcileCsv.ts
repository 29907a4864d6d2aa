import { mkdtempSync, type ReadStream, statSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MessageChannel } from 'node:worker_threads'
import { defaultMaxLineLength } from '../csv/lineTooLongError.js'
import type { ByteSource } from '../csv/toAsyncIterable.js'
import type { ParseCsvOptions } from '../parseStatementCsv.js'
import type { Tally } from '../tally.js'
import { csvRowBuilders } from './csvRowBuilders.js'
import { type JoinJob, joinControl } from './joinJob.js'
import {
  PartitionStore,
  Slabs,
  type StoreBudget,
  type StoreContents,
  StoredPartitions,
} from './partitionStore.js'
import { MerchantReader, StatementReader, scanCsv } from './scanCsv.js'
import { type ScanInWorker, scanInWorker, scanWorkerFile } from './scanInWorker.js'
import { fileChunks, rereadablePath } from './sourceFile.js'
import { addTotals, type EntryBatch, emptyBatch, type ReportText, StoredJoin } from './storedJoin.js'

/** Lines longer than this are read from the stream as given, not from reused buffers. */
const maxChunkedLine = 64 * 2 ** 20

/** Below this many statement bytes, starting a worker costs more than it saves (`threads: 'auto'`). */
const workerMinBytes = 8 * 2 ** 20

/**
 * How many partitions a thread may join ahead of the one being passed on: bounds the entries held
 * (a few partitions' worth) while keeping both threads busy.
 */
const joinWindow = 8

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
  /** Write the entries as report text instead of yielding them as objects (see {@link ReportText}). */
  text?: ReportText | undefined
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
  const rows = csvRowBuilders(statementReader, merchantReader, statementPath, merchantPath)
  // Files are read into a few reused buffers (a line longer than 64 MiB allowed: the stream as given).
  const bytesOf = (input: CsvInput, path: string | undefined): ByteSource =>
    path !== undefined && limitOf(input) <= maxChunkedLine
      ? fileChunks(input.source as ReadStream, path, limitOf(input))
      : input.source
  let workerDir: string | undefined
  let scan: ScanInWorker | undefined
  let joiner: StoredJoin | undefined
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
    let statementContents: StoreContents
    if (handed !== undefined) {
      // The worker read the file by its path: the stream given is not needed.
      ;(statement.source as ReadStream).destroy()
      statementReader.header(handed.header)
      statementContents = handed.contents
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
      statementContents = statementStore.handOver()
    }
    const merchantContents = merchantStore.handOver()
    const stored = new StoredJoin(
      new StoredPartitions(merchantContents),
      [new StoredPartitions(statementContents)],
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
          },
          statement: {
            path: statementPath!,
            name: statementReader.file,
            header: statementReader.headerFields,
            contents: [statementContents],
          },
        },
        settings,
        count,
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
    if (!worker) return merchantContents.spilled || statementContents.spilled
    const { merchant: m, statement: s } = settings.inputRows
    return m + s > settings.memoryRows || chunkBytes > settings.memoryBytes
  } finally {
    await scan?.stop()
    merchantStore.close()
    statementStore.close()
    joiner?.close()
    rows.close()
    if (dir !== undefined) await rm(dir, { recursive: true, force: true })
    if (workerDir !== undefined) await rm(workerDir, { recursive: true, force: true })
  }
}

/**
 * The join on two threads: the worker (done reading the statement) and this thread take partitions
 * in turn from a shared counter, each joining (and, for text, writing) the ones it took; this thread
 * passes the batches on in partition order, adding the worker's totals, so the output is exactly one
 * thread's. Either thread stays at most {@link joinWindow} partitions ahead of the one being passed
 * on. A partition the worker failed on, or never sent (it died), is joined again here, so entries
 * and errors are those of one thread.
 */
async function* joinOnTwoThreads(
  join: StoredJoin,
  worker: ScanInWorker,
  job: Omit<JoinJob, 'control' | 'window' | 'written'>,
  tally: Tally,
  count: (chunkBytes: number) => void,
): AsyncGenerator<EntryBatch> {
  const partitions = job.partitions
  const control = new Int32Array(new SharedArrayBuffer(4 * joinControl.words))
  /** Joined partitions not passed on yet; `undefined`: failed, to be joined here. */
  const ready = new Map<
    number,
    { batch: EntryBatch; totals: Tally['totals']; chunkBytes: number; mine?: boolean } | undefined
  >()
  let gone = false
  let wake: (() => void) | undefined
  // The worker's text memory goes back to it once passed on (and written: see `EntryText`).
  const written = new MessageChannel()
  const giveBack = (batch: EntryBatch) => {
    if (Array.isArray(batch) || gone) return
    for (const bytes of [batch.json, batch.csv])
      if (bytes.byteLength > 0) written.port1.postMessage(bytes, [bytes.buffer as ArrayBuffer])
  }
  worker.join(
    { ...job, control: control.buffer as SharedArrayBuffer, window: joinWindow, written: written.port2 },
    (joined) => {
      ready.set(joined.partition, 'failed' in joined ? undefined : joined)
      wake?.()
    },
    () => {
      gone = true
      wake?.()
    },
  )
  const ahead = (q: number) => {
    const output = join.joinAhead(q, tally.includeMatched)
    if (output.error === undefined) ready.set(q, { ...output, mine: true })
    else {
      join.release(output.batch)
      ready.set(q, undefined)
    }
  }
  for (let p = 0; p < partitions; p++) {
    let here = false
    while (!ready.has(p)) {
      const next = Atomics.load(control, joinControl.next)
      if (p >= next) {
        // Nobody has it yet: take it (unless the worker takes it first; then take the next one).
        const q = Atomics.add(control, joinControl.next, 1)
        if (q === p) {
          here = true
          break
        }
        if (q < partitions) ahead(q)
      } else if (gone) {
        // The worker took it but will not send it.
        here = true
        break
      } else if (next < partitions && next < p + joinWindow) {
        // The worker is joining it: join the next free one meanwhile.
        const q = Atomics.add(control, joinControl.next, 1)
        if (q < partitions) ahead(q)
      } else {
        await new Promise<void>((resolve) => {
          wake = resolve
        })
        wake = undefined
      }
    }
    const joined = here ? undefined : ready.get(p)
    ready.delete(p)
    if (joined !== undefined) {
      addTotals(tally.totals, joined.totals)
      count(joined.chunkBytes)
      if (!emptyBatch(joined.batch)) yield joined.batch
      if (joined.mine) join.release(joined.batch)
      else giveBack(joined.batch)
    } else {
      const output = join.join(p, tally)
      count(output.chunkBytes)
      if (!emptyBatch(output.batch)) yield output.batch
      if (output.error !== undefined) throw output.error
      join.release(output.batch)
    }
    Atomics.store(control, joinControl.passed, p + 1)
    Atomics.notify(control, joinControl.passed)
  }
}

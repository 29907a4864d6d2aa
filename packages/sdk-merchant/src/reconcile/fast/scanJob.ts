import { mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { PartitionStore, Slabs, type StoreBudget, type StoreContents } from './partitionStore.js'
import { MerchantReader, type ScanExtent, StatementReader, scanCsv } from './scanCsv.js'
import { claimedChunks, fileChunks } from './sourceFile.js'

/**
 * One side of a CSV run, to be read into partitions by another thread. Its temp directory is made
 * inside `tempDir`, which the caller deletes.
 */
export interface ScanJob {
  side: 'statement' | 'merchant'
  path: string
  name: string
  maxLineLength: number
  partitions: number
  memoryBytes: number
  memoryRows: number
  tempDir: string
  /**
   * Lets another thread take the rest of the file (see {@link splitControl}): one `Int32` word over
   * shared memory.
   */
  split?: SharedArrayBuffer | undefined
}

/**
 * How a file is shared between the worker reading it from the start and a thread that takes its
 * rest: the shared word holds the next chunk (MiB) the worker will read, which it advances with a
 * compare-and-swap, until the other thread swaps in `-(limit + 1)`: then chunks from `limit` on are
 * not the worker's, which stops at the end of the line begun before `limit` (see `claimedChunks`).
 */
export const splitControl = {
  /** The worker's claim on chunk `n`. */
  claim(word: Int32Array, n: number): boolean {
    const seen = Atomics.compareExchange(word, 0, n, n + 1)
    return seen === n || (seen < 0 && n < -seen - 1)
  },
  /**
   * The other thread takes chunks from about `share` of the way between the worker's next chunk
   * and `chunks` on; returns the first chunk taken, or `undefined` if fewer than `least` are left.
   */
  take(word: Int32Array, chunks: number, share: number, least: number): number | undefined {
    for (;;) {
      const next = Atomics.load(word, 0)
      if (next < 0) return undefined
      const limit = Math.max(next, 1) + Math.ceil((chunks - Math.max(next, 1)) * (1 - share))
      if (chunks - limit < least) return undefined
      if (Atomics.compareExchange(word, 0, next, -(limit + 1)) === next) return limit
    }
  },
}

/**
 * What a {@link ScanJob} gives back: the records, the lines read, the header's fields, and the
 * store's contents.
 */
export interface ScanResult {
  records: number
  lines: number
  header: string[]
  contents: StoreContents
}

/**
 * Reads one side's file into a fresh {@link PartitionStore} with its own memory budget, exactly as
 * `reconcileCsv` reads it on one thread: the same records in the same order in every partition.
 *
 * @example
 * const result = await runScanJob(job, (line) => progress(line))
 */
export async function runScanJob(
  job: ScanJob,
  onProgress: (line: number) => void,
  onHeader: (fields: string[]) => void = () => {},
): Promise<ScanResult> {
  let dir: string | undefined
  const budget: StoreBudget = {
    bytes: 0,
    rows: 0,
    memoryBytes: job.memoryBytes,
    memoryRows: job.memoryRows,
    dir: () => {
      dir ??= mkdtempSync(join(job.tempDir, 'ecny-reconcile-'))
      return dir
    },
    stores: [],
    slabs: new Slabs(),
  }
  const store = new PartitionStore(job.side === 'merchant' ? 'm' : 's', job.partitions, budget, true)
  const reader =
    job.side === 'merchant' ? new MerchantReader(job.name, store) : new StatementReader(job.name, store)
  const readHeader = reader.header.bind(reader)
  reader.header = (fields) => {
    readHeader(fields)
    onHeader(fields)
  }
  const split = job.split === undefined ? undefined : new Int32Array(job.split)
  const extent: ScanExtent = { continued: false, lines: 0 }
  try {
    const records = await scanCsv(
      split === undefined
        ? fileChunks(undefined, job.path, job.maxLineLength)
        : claimedChunks(job.path, job.maxLineLength, (n) => splitControl.claim(split, n)),
      reader,
      { name: job.name, maxLineLength: job.maxLineLength, onProgress },
      (at) => {
        store.blockStart = at
      },
      extent,
    )
    return { records, lines: extent.lines, header: reader.headerFields, contents: store.handOver() }
  } finally {
    store.close()
  }
}

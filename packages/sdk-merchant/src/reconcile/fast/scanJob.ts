import { createReadStream, mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { PartitionStore, Slabs, type StoreBudget, type StoreContents } from './partitionStore.js'
import { MerchantReader, StatementReader, scanCsv } from './scanCsv.js'
import { fileChunks } from './sourceFile.js'

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
}

/** What a {@link ScanJob} gives back: the records, the header's fields, and the store's contents. */
export interface ScanResult {
  records: number
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
export async function runScanJob(job: ScanJob, onProgress: (line: number) => void): Promise<ScanResult> {
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
  try {
    const records = await scanCsv(
      fileChunks(createReadStream(job.path), job.path, job.maxLineLength),
      reader,
      { name: job.name, maxLineLength: job.maxLineLength, onProgress },
      (at) => {
        store.blockStart = at
      },
    )
    return { records, header: reader.headerFields, contents: store.handOver() }
  } finally {
    store.close()
  }
}

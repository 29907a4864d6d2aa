import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads'
import type { Tally } from '../tally.js'
import { csvRowBuilders } from './csvRowBuilders.js'
import { type StoreContents, StoredPartitions } from './partitionStore.js'
import type { RowSink } from './rowSink.js'
import { MerchantReader, StatementReader } from './scanCsv.js'
import { type EntryBatch, type ReportText, StoredJoin } from './storedJoin.js'

/**
 * Slots of a join's control words (an `Int32Array` over shared memory): the next partition to
 * claim (both threads take partitions with `Atomics.add`), how many partitions the main thread has
 * passed on (the worker stays at most `window` partitions ahead of it), a stop flag, the KiB of
 * the worker's entries sent but not passed on yet (at most `windowKiB`), and how many partitions the
 * worker has sent (the main thread waits on it, then takes them from its port at once).
 */
export const joinControl = { next: 0, passed: 1, stop: 2, heldKiB: 3, sent: 4, words: 5 } as const

/** What a batch weighs for {@link joinControl}'s `heldKiB`: its text, or about 1 KiB an entry. */
export function batchKiB(batch: EntryBatch): number {
  return Array.isArray(batch)
    ? batch.length
    : Math.ceil((batch.json.byteLength + batch.csv.byteLength) / 1024)
}

/** One side of a run as the joining worker needs it. */
export interface JoinSide {
  path: string
  name: string
  header: string[]
  /** The side's stores, in the order their rows were read. */
  contents: StoreContents[]
  /** Lines before the part a second reader read (see `RowBuilders.continuedLines`). */
  continuedLines: number
}

/** What the worker is asked to join, once both sides are read. */
export interface JoinJob {
  control: SharedArrayBuffer
  window: number
  windowKiB: number
  partitions: number
  includeMatched: boolean
  text: ReportText | undefined
  merchant: JoinSide
  statement: JoinSide
  /** Where the main thread sends back the text memory of partitions it has passed on. */
  written: MessagePort
  /** Where the worker sends the partitions it joined (see {@link JoinedPartition}). */
  results: MessagePort
}

/**
 * A partition the worker joined (its entries, the totals they add, see `PartitionOutput` for
 * `chunkBytes`), or one it could not: the main thread then joins it itself, so that the error is
 * the one a single thread raises.
 */
export type JoinedPartition =
  | { partition: number; batch: EntryBatch; totals: Tally['totals']; chunkBytes: number }
  | { partition: number; failed: true }

const noRows: RowSink = { add: () => {} }

/**
 * The worker's share of a join: claims partitions one after the other, never more than
 * `job.window` ahead of what the main thread has passed on, joins each and sends it on
 * `job.results` (its report text moved, not copied), counting it in the `sent` control word.
 *
 * @example
 * runJoinJob(job)
 */
export function runJoinJob(job: JoinJob): void {
  const statementReader = new StatementReader(job.statement.name, noRows)
  statementReader.header(job.statement.header)
  const merchantReader = new MerchantReader(job.merchant.name, noRows)
  merchantReader.header(job.merchant.header)
  const rows = csvRowBuilders(statementReader, merchantReader, job.statement.path, job.merchant.path)
  rows.builders.continuedLines = job.statement.continuedLines
  const [merchant, ...more] = job.merchant.contents.map((contents) => new StoredPartitions(contents))
  if (merchant === undefined || more.length > 0) throw new Error('one merchant store expected')
  const join = new StoredJoin(
    merchant,
    job.statement.contents.map((contents) => new StoredPartitions(contents)),
    rows.builders,
    job.text,
  )
  const control = new Int32Array(job.control)
  try {
    for (;;) {
      const p = Atomics.add(control, joinControl.next, 1)
      if (p >= job.partitions) return
      // The main thread notifies `passed` whenever it passes a partition on.
      for (
        let passed = Atomics.load(control, joinControl.passed);
        (p >= passed + job.window || Atomics.load(control, joinControl.heldKiB) > job.windowKiB) &&
        Atomics.load(control, joinControl.stop) === 0;
        passed = Atomics.load(control, joinControl.passed)
      )
        Atomics.wait(control, joinControl.passed, passed)
      if (Atomics.load(control, joinControl.stop) !== 0) return
      for (
        let back = receiveMessageOnPort(job.written);
        back !== undefined;
        back = receiveMessageOnPort(job.written)
      )
        join.pool.release(back.message as Uint8Array)
      const output = join.joinAhead(p, job.includeMatched)
      if (output.error === undefined) {
        const { batch } = output
        Atomics.add(control, joinControl.heldKiB, batchKiB(batch))
        const joined: JoinedPartition = {
          partition: p,
          batch,
          totals: output.totals,
          chunkBytes: output.chunkBytes,
        }
        // The report text moves to the main thread; entries as objects are copied.
        const moved = Array.isArray(batch) ? [] : [batch.json, batch.csv].filter((bytes) => bytes.length > 0)
        job.results.postMessage(
          joined,
          moved.map((bytes) => bytes.buffer as ArrayBuffer),
        )
      } else {
        job.results.postMessage({ partition: p, failed: true } satisfies JoinedPartition)
      }
      Atomics.add(control, joinControl.sent, 1)
      Atomics.notify(control, joinControl.sent)
    }
  } finally {
    join.close()
    rows.close()
  }
}

import { Buffer } from 'node:buffer'
import { discrepancyCsvLine } from '../report/toCsv.js'
import type { Tally } from '../tally.js'
import { emptyTotals } from '../totals.js'
import type { CategoryTotal, ReconcileCategory, ReconcileEntry } from '../types.js'
import { JoinScratch, joinPartition, type RowBuilders } from './partitionJoin.js'
import type { StoredPartitions } from './partitionStore.js'
import { TextOut, TextPool } from './textPool.js'

/**
 * Report text a run may write itself instead of yielding entries (the CLI's `--out` and `--csv`):
 * then the thread that joins a partition also writes its text, and entries need not cross threads.
 */
export interface ReportText {
  json: boolean
  csv: boolean
}

/**
 * The entries of one partition as report text, in UTF-8 (bytes cross threads without a copy and
 * are written as they are): `json` is each entry's `JSON.stringify` joined by `,\n` (no separator
 * before the first), `csv` each entry's CSV line followed by `\n`. The bytes are reused once the
 * next batch is asked for: write them before.
 */
export interface EntryText {
  count: number
  json: Uint8Array
  csv: Uint8Array
}

/** The entries of one partition, as objects or (see {@link ReportText}) as text. */
export type EntryBatch = ReconcileEntry[] | EntryText

/** Whether a batch holds no entry. */
export function emptyBatch(batch: EntryBatch): boolean {
  return Array.isArray(batch) ? batch.length === 0 : batch.count === 0
}

/**
 * One partition joined: its entries; the error its join stopped on, if any (`batch` then holds the
 * entries before it, as a single thread would have yielded them); and the chunk bytes its records
 * would have taken on one thread (see `JoinScratch.chunkBytes`).
 */
export interface PartitionOutput {
  batch: EntryBatch
  error?: unknown
  chunkBytes: number
}

/** Adds `from` into `into`, category by category. */
export function addTotals(
  into: Record<ReconcileCategory, CategoryTotal>,
  from: Record<ReconcileCategory, CategoryTotal>,
): void {
  for (const category of Object.keys(from) as ReconcileCategory[]) {
    const a = into[category]
    const b = from[category]
    a.count += b.count
    a.amountFen += b.amountFen
    a.statementRows += b.statementRows
    a.merchantRows += b.merchantRows
  }
}

/**
 * Joins any partition of a CSV run from the stores' contents, on whichever thread holds this
 * object: the merchant's records of the partition, then the statement's (from each of its stores in
 * reading order), copied into one buffer and joined by `joinPartition`. Partitions can be joined in
 * any order and again.
 *
 * @example
 * const join = new StoredJoin(merchant, [statement], builders, undefined)
 * const { batch } = join.join(0, tally)
 */
export class StoredJoin {
  private buffer = Buffer.allocUnsafe(0)
  private readonly scratch = new JoinScratch()
  /** Where report text is encoded; see {@link StoredJoin.release}. */
  readonly pool = new TextPool()

  constructor(
    private readonly merchant: StoredPartitions,
    private readonly statement: readonly StoredPartitions[],
    private readonly builders: RowBuilders,
    private readonly text: ReportText | undefined,
  ) {}

  /** Bytes of partition `p`, both sides. */
  size(p: number): number {
    let size = this.merchant.size(p)
    for (const side of this.statement) size += side.size(p)
    return size
  }

  /**
   * Joins partition `p`, counting it into `tally`. A failure is returned, not thrown, with the
   * entries found before it (see {@link PartitionOutput}).
   */
  join(p: number, tally: Tally): PartitionOutput {
    const text = this.text
    const entries: ReconcileEntry[] = []
    const json = text?.json ? new TextOut(this.pool) : undefined
    const csv = text?.csv ? new TextOut(this.pool) : undefined
    let count = 0
    const size = this.size(p)
    let error: unknown
    let bytes = 0
    if (size > 0) {
      try {
        if (this.buffer.length < size)
          this.buffer = Buffer.allocUnsafe(Math.max(size, this.buffer.length * 2))
        let end = this.merchant.copy(p, this.buffer, 0)
        for (const side of this.statement) end = side.copy(p, this.buffer, end)
        for (const entry of joinPartition(this.buffer, end, tally, this.builders, this.scratch)) {
          // As text, each entry is written at once and dropped (it dies young).
          if (text === undefined) entries.push(entry)
          else {
            if (json !== undefined) {
              if (count > 0) json.add(',\n')
              json.add(JSON.stringify(entry))
            }
            csv?.add(`${discrepancyCsvLine(entry)}\n`)
          }
          count++
        }
        bytes = this.scratch.chunkBytes
      } catch (caught) {
        error = caught
      }
    }
    const batch: EntryBatch =
      text === undefined
        ? entries
        : { count, json: json?.bytes() ?? new Uint8Array(0), csv: csv?.bytes() ?? new Uint8Array(0) }
    const output: PartitionOutput = { batch, chunkBytes: bytes }
    if (error !== undefined) output.error = error
    return output
  }

  /** Joins `p` into fresh totals (for a join done ahead of its turn); see {@link StoredJoin.join}. */
  joinAhead(p: number, includeMatched: boolean): PartitionOutput & { totals: Tally['totals'] } {
    const totals = emptyTotals()
    return { ...this.join(p, { totals, includeMatched }), totals }
  }

  /** Gives a batch's text memory back for the next partitions (once it is written). */
  release(batch: EntryBatch): void {
    if (Array.isArray(batch)) return
    this.pool.release(batch.json)
    this.pool.release(batch.csv)
  }

  close(): void {
    this.merchant.close()
    for (const side of this.statement) side.close()
  }
}

import type { Buffer } from 'node:buffer'
import { merchantNoOf } from '../keys.js'
import { countPair, type Tally, tallyGroup } from '../tally.js'
import type { MerchantRecord, ReconcileEntry, StatementRow } from '../types.js'
import {
  continuedLine,
  fileOffset,
  firstChunk,
  i32At,
  integerAt,
  largestChunk,
  recordHeader,
  storedText,
  u32At,
} from './partitionStore.js'
import { keyHash, rowFlags, statusCodes } from './rowSink.js'

/** Builds full rows back from their text (see `StatementReader.row` / `MerchantReader.row`). */
export interface RowBuilders {
  statement(fields: readonly string[], line: number): StatementRow
  merchant(fields: readonly string[], line: number): MerchantRecord
  /** The text of a line not kept in memory: `length` bytes at `offset` of the side's source. */
  reread(merchant: boolean, offset: number, length: number): string
  /** Called when a line read again is not the line first read (the file changed): throws. */
  changed(merchant: boolean, line: number): never
  /** Lines of the statement before the part read by a second reader (records flagged `continuedLine`). */
  continuedLines: number
}

/**
 * Grows typed arrays only when a bigger partition comes, so joining partition after partition
 * allocates once.
 */
export class JoinScratch {
  rowAt = new Int32Array(0)
  next = new Int32Array(0)
  keyFirst = new Int32Array(0)
  keyLast = new Int32Array(0)
  keyCount = new Int32Array(0)
  table = new Int32Array(0)
  /**
   * Set by each join: the bytes of chunks a single-threaded run's stores would have taken for the
   * partition's records, as `PartitionStore.add` grows them. Summed over partitions, it says
   * whether one thread would have spilled (`summary.strategy`), however the rows were really held.
   */
  chunkBytes = 0

  fit(rows: number): void {
    if (this.rowAt.length < rows) {
      const size = Math.max(rows, this.rowAt.length * 2)
      this.rowAt = new Int32Array(size)
      this.next = new Int32Array(size)
      // Per key, two sides: [statement, merchant] at 2k, 2k + 1.
      this.keyFirst = new Int32Array(size * 2)
      this.keyLast = new Int32Array(size * 2)
      this.keyCount = new Int32Array(size * 2)
    }
    let slots = 16
    while (slots < rows * 2) slots *= 2
    if (this.table.length < slots) this.table = new Int32Array(slots)
    else this.table.fill(0, 0, slots)
  }
}

const keyLengthOf = (b: Buffer, at: number) => u32At(b, at + 4)
const orderIdLengthOf = (b: Buffer, at: number) => i32At(b, at + 8)
const amountOf = (b: Buffer, at: number) => integerAt(b, at + 20)

function sameBytes(b: Buffer, x: number, y: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (b[x + i] !== b[y + i]) return false
  return true
}

/** Whether a pair is certainly `matched`: both final and agreeing, same amount and stored order id. */
function matchedPair(b: Buffer, s: number, m: number): boolean {
  const gateway = b[s + 1]!
  if (gateway === statusCodes.pending || gateway !== b[m + 1]) return false
  if (amountOf(b, s) !== amountOf(b, m)) return false
  const length = orderIdLengthOf(b, m)
  if (length === -1) return true
  if (orderIdLengthOf(b, s) !== length) return false
  return sameBytes(b, s + recordHeader + keyLengthOf(b, s), m + recordHeader + keyLengthOf(b, m), length)
}

function build(b: Buffer, at: number, builders: RowBuilders): StatementRow | MerchantRecord {
  const flags = b[at]!
  const line = u32At(b, at + 12) + (flags & continuedLine ? builders.continuedLines : 0)
  const textLength = u32At(b, at + 16)
  const merchant = (flags & rowFlags.merchant) !== 0
  const stored = (flags & storedText) !== 0
  let text: string
  if (stored) {
    const start = at + recordHeader + keyLengthOf(b, at) + Math.max(0, orderIdLengthOf(b, at))
    text = b.toString('utf8', start, start + textLength)
  } else {
    text = builders.reread(merchant, fileOffset(b, at), textLength)
  }
  const fields = flags & rowFlags.json ? (JSON.parse(text) as string[]) : text.split(',')
  const row = merchant ? builders.merchant(fields, line) : builders.statement(fields, line)
  if (!stored) {
    const key = b.toString('utf8', at + recordHeader, at + recordHeader + keyLengthOf(b, at))
    if (merchantNoOf(row) !== key) builders.changed(merchant, line)
  }
  return row
}

/**
 * Joins the records of one partition (`b`…`end`: the merchant's records, then the statement's, each
 * side in input order) in a small hash table that stays in cache: counts matched pairs straight
 * from the records, rebuilds every other key's rows (from the stored text, or read again from the
 * source) and classifies them with the same code as row objects, yielding the entries `tally` wants.
 * Keys come in order of first appearance.
 *
 * @example
 * for (const entry of joinPartition(buffer, length, tally, builders, new JoinScratch())) console.log(entry.category)
 */
export function* joinPartition(
  b: Buffer,
  end: number,
  tally: Tally,
  builders: RowBuilders,
  scratch: JoinScratch,
): Generator<ReconcileEntry> {
  let rows = 0
  // Counts the records, and the chunks one thread's store would have put them in (per side).
  let chunkBytes = 0
  let merchantSide = true
  let chunk = 0
  let used = 0
  for (let at = 0; at < end; rows++) {
    const next = recordEnd(b, at)
    const size = next - at
    if (((b[at]! & rowFlags.merchant) !== 0) !== merchantSide) {
      merchantSide = !merchantSide
      chunk = 0
    }
    if (chunk === 0 || used + size > chunk) {
      chunk = Math.max(chunk === 0 ? firstChunk : Math.min(chunk * 2, largestChunk), size)
      chunkBytes += chunk
      used = 0
    }
    used += size
    at = next
  }
  scratch.chunkBytes = chunkBytes
  scratch.fit(rows)
  const { rowAt, next, keyFirst, keyLast, keyCount, table } = scratch
  let slots = 16
  while (slots < rows * 2) slots *= 2
  const mask = slots - 1
  let keys = 0
  let r = 0
  for (let at = 0; at < end; at = recordEnd(b, at), r++) {
    rowAt[r] = at
    next[r] = -1
    const flags = b[at]!
    const keyLength = keyLengthOf(b, at)
    const keyAt = at + recordHeader
    const hash = keyHash(b, keyAt, keyLength, flags & rowFlags.refund)
    let slot = hash & mask
    let k = -1
    for (;;) {
      const entry = table[slot]!
      if (entry === 0) break
      const candidate = entry - 1
      // The key's first row, whichever side it is on.
      const first = keyFirst[candidate * 2] !== -1 ? keyFirst[candidate * 2]! : keyFirst[candidate * 2 + 1]!
      const other = rowAt[first]!
      if (
        keyLengthOf(b, other) === keyLength &&
        (b[other]! & rowFlags.refund) === (flags & rowFlags.refund) &&
        sameBytes(b, other + recordHeader, keyAt, keyLength)
      ) {
        k = candidate
        break
      }
      slot = (slot + 1) & mask
    }
    if (k === -1) {
      k = keys++
      table[slot] = k + 1
      keyFirst[k * 2] = -1
      keyFirst[k * 2 + 1] = -1
      keyCount[k * 2] = 0
      keyCount[k * 2 + 1] = 0
    }
    const side = k * 2 + (flags & rowFlags.merchant ? 1 : 0)
    if (keyFirst[side] === -1) keyFirst[side] = r
    else next[keyLast[side]!] = r
    keyLast[side] = r
    keyCount[side]!++
  }
  for (let k = 0; k < keys; k++) {
    const s = keyFirst[k * 2]!
    const m = keyFirst[k * 2 + 1]!
    if (!tally.includeMatched && keyCount[k * 2] === 1 && keyCount[k * 2 + 1] === 1) {
      if (matchedPair(b, rowAt[s]!, rowAt[m]!)) {
        countPair('matched', amountOf(b, rowAt[s]!), tally)
        continue
      }
    }
    const statement: StatementRow[] = []
    const merchant: MerchantRecord[] = []
    for (let i = s; i !== -1; i = next[i]!) statement.push(build(b, rowAt[i]!, builders) as StatementRow)
    for (let i = m; i !== -1; i = next[i]!) merchant.push(build(b, rowAt[i]!, builders) as MerchantRecord)
    const entry = tallyGroup(statement, merchant, tally)
    if (entry !== undefined) yield entry
  }
}

/** Offset after the record at `at`. */
export function recordEnd(b: Buffer, at: number): number {
  const idLength = orderIdLengthOf(b, at)
  return (
    at +
    recordHeader +
    keyLengthOf(b, at) +
    Math.max(idLength, 0) +
    (b[at]! & storedText ? u32At(b, at + 16) : 0)
  )
}

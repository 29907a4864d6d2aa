import type { Buffer } from 'node:buffer'
import { countPair, type Tally, tallyGroup } from '../tally.js'
import type { MerchantRecord, ReconcileEntry, StatementRow } from '../types.js'
import { keyHash, type RowSink, rowFlags, statusCodes } from './rowSink.js'

/** Builds full rows back from their stored text (see `StatementReader.row` / `MerchantReader.row`). */
export interface RowBuilders {
  statement(fields: readonly string[], line: number): StatementRow
  merchant(fields: readonly string[], line: number): MerchantRecord
}

/** Rows and keys live in fixed pages: growing never copies, and one row's fields share a cache line. */
const pageBits = 16
const pageSize = 1 << pageBits
const pageMask = pageSize - 1

// Row fields (Int32, stride R).
const R = 10
const rSegment = 0
const rText = 1
const rTextLength = 2
const rKey = 3
const rKeyLength = 4
const rOrderId = 5
const rOrderIdLength = 6
const rLine = 7
const rNext = 8
/** flags << 8 | status */
const rFlagsStatus = 9

// Key fields (Int32, stride K).
const K = 8
const kHash = 0
const kFirstS = 1
const kLastS = 2
const kCountS = 3
const kFirstM = 4
const kLastM = 5
const kCountM = 6
/** 0: not judged; 1: the first pair is certainly matched; 2: it is not. */
const kPair = 7

/**
 * A hash join held in typed arrays: no object per row, nothing for the garbage collector to trace.
 * Each row keeps its amount, a status code, its line number and byte positions into a segment (a
 * chunk of the input, or a partition file) where its text, key and gateway order id are. Keys are
 * compared as bytes (UTF-8 is one-to-one, so equal bytes are equal strings). Rows of one key are
 * chained per side in input order. Whether a statement row and the one merchant record of its key
 * certainly match is judged as the row arrives (both lines are in cache then); full row objects are
 * only built for the keys that are reported, and classified by the same code as row objects.
 *
 * @example
 * const join = new CompactJoin()
 * await scanCsv(records, new MerchantReader('records.csv', join), {})
 * for (const entry of join.entries(tally, builders)) console.log(entry.category)
 */
export class CompactJoin implements RowSink {
  /** Rows held, both sides. */
  rows = 0
  /** Bytes of the segments held. */
  bytes = 0
  keys = 0
  private segments: Buffer[] = []
  private last: Buffer | undefined
  private rowPages: Int32Array[] = []
  private amountPages: Float64Array[] = []
  private keyPages: Int32Array[] = []
  // Open addressing, two Int32 per slot: key index + 1 (0 when free) and the key's hash, so that
  // probing never touches the key pages.
  private table = new Int32Array(2 << 12)
  private mask = (1 << 12) - 1

  private growTable(): void {
    const slots = (this.mask + 1) * 2
    const table = new Int32Array(slots * 2)
    const mask = slots - 1
    for (let k = 0; k < this.keys; k++) {
      let slot = this.keyPages[k >>> pageBits]![(k & pageMask) * K + kHash]! & mask
      while (table[slot * 2] !== 0) slot = (slot + 1) & mask
      table[slot * 2] = k + 1
      table[slot * 2 + 1] = this.keyPages[k >>> pageBits]![(k & pageMask) * K + kHash]!
    }
    this.table = table
    this.mask = mask
  }

  add(
    segment: Buffer,
    flags: number,
    status: number,
    amount: number,
    line: number,
    key: number,
    keyLength: number,
    orderId: number,
    orderIdLength: number,
    text: number,
    textLength: number,
  ): void {
    if (segment !== this.last) {
      this.last = segment
      this.segments.push(segment)
      this.bytes += segment.length
    }
    const r = this.rows++
    if ((r & pageMask) === 0) {
      this.rowPages.push(new Int32Array(pageSize * R))
      this.amountPages.push(new Float64Array(pageSize))
    }
    const rows = this.rowPages[r >>> pageBits]!
    const at = (r & pageMask) * R
    rows[at + rSegment] = this.segments.length - 1
    rows[at + rText] = text
    rows[at + rTextLength] = textLength
    rows[at + rKey] = key
    rows[at + rKeyLength] = keyLength
    rows[at + rOrderId] = orderId
    rows[at + rOrderIdLength] = orderIdLength
    rows[at + rLine] = line
    rows[at + rNext] = -1
    rows[at + rFlagsStatus] = (flags << 8) | status
    this.amountPages[r >>> pageBits]![r & pageMask] = amount

    const refund = flags & rowFlags.refund
    const hash = keyHash(segment, key, keyLength, refund)
    const mask = this.mask
    const table = this.table
    let slot = hash & mask
    let keys: Int32Array | undefined
    let k = -1
    let ka = 0
    for (;;) {
      const entry = table[slot * 2]!
      if (entry === 0) break
      if (table[slot * 2 + 1] === hash) {
        const candidate = entry - 1
        const page = this.keyPages[candidate >>> pageBits]!
        const cat = (candidate & pageMask) * K
        // Compare with the key's first row.
        const first = page[cat + kFirstS] !== -1 ? page[cat + kFirstS]! : page[cat + kFirstM]!
        const firstRows = this.rowPages[first >>> pageBits]!
        const fat = (first & pageMask) * R
        if (
          firstRows[fat + rKeyLength] === keyLength &&
          ((firstRows[fat + rFlagsStatus]! >>> 8) & rowFlags.refund) === refund
        ) {
          const other = this.segments[firstRows[fat + rSegment]!]!
          const ot = firstRows[fat + rKey]!
          let i = 0
          while (i < keyLength && other[ot + i] === segment[key + i]) i++
          if (i === keyLength) {
            k = candidate
            keys = page
            ka = cat
            break
          }
        }
      }
      slot = (slot + 1) & mask
    }
    if (k === -1) {
      k = this.keys++
      if ((k & pageMask) === 0) this.keyPages.push(new Int32Array(pageSize * K))
      keys = this.keyPages[k >>> pageBits]!
      ka = (k & pageMask) * K
      keys[ka + kHash] = hash
      keys[ka + kFirstS] = -1
      keys[ka + kLastS] = -1
      keys[ka + kFirstM] = -1
      keys[ka + kLastM] = -1
      table[slot * 2] = k + 1
      table[slot * 2 + 1] = hash
      if (this.keys * 2 > mask + 1) this.growTable()
    }
    if (flags & rowFlags.merchant) {
      const last = keys![ka + kLastM]!
      if (last === -1) keys![ka + kFirstM] = r
      else this.rowPages[last >>> pageBits]![(last & pageMask) * R + rNext] = r
      keys![ka + kLastM] = r
      keys![ka + kCountM]!++
    } else {
      const last = keys![ka + kLastS]!
      if (last === -1) {
        keys![ka + kFirstS] = r
        if (keys![ka + kCountM] === 1) keys![ka + kPair] = this.matchedPair(r, keys![ka + kFirstM]!) ? 1 : 2
      } else {
        this.rowPages[last >>> pageBits]![(last & pageMask) * R + rNext] = r
      }
      keys![ka + kLastS] = r
      keys![ka + kCountS]!++
    }
  }

  /** Hands every row to another sink, in input order (used when the rows move to temp files). */
  moveTo(sink: RowSink): void {
    for (let r = 0; r < this.rows; r++) {
      const rows = this.rowPages[r >>> pageBits]!
      const at = (r & pageMask) * R
      sink.add(
        this.segments[rows[at + rSegment]!]!,
        rows[at + rFlagsStatus]! >>> 8,
        rows[at + rFlagsStatus]! & 0xff,
        this.amountPages[r >>> pageBits]![r & pageMask]!,
        rows[at + rLine]!,
        rows[at + rKey]!,
        rows[at + rKeyLength]!,
        rows[at + rOrderId]!,
        rows[at + rOrderIdLength]!,
        rows[at + rText]!,
        rows[at + rTextLength]!,
      )
    }
  }

  private amount(r: number): number {
    return this.amountPages[r >>> pageBits]![r & pageMask]!
  }

  /** Whether a pair is certainly `matched`: both final and agreeing, same amount and stored order id. */
  private matchedPair(s: number, m: number): boolean {
    const sRows = this.rowPages[s >>> pageBits]!
    const mRows = this.rowPages[m >>> pageBits]!
    const sa = (s & pageMask) * R
    const ma = (m & pageMask) * R
    const gateway = sRows[sa + rFlagsStatus]! & 0xff
    const merchant = mRows[ma + rFlagsStatus]! & 0xff
    if (gateway === statusCodes.pending || gateway !== merchant) return false
    if (this.amount(s) !== this.amount(m)) return false
    const length = mRows[ma + rOrderIdLength]!
    if (length === -1) return true
    if (sRows[sa + rOrderIdLength] !== length) return false
    const a = this.segments[sRows[sa + rSegment]!]!
    const b = this.segments[mRows[ma + rSegment]!]!
    const at = sRows[sa + rOrderId]!
    const bt = mRows[ma + rOrderId]!
    for (let i = 0; i < length; i++) if (a[at + i] !== b[bt + i]) return false
    return true
  }

  private build(r: number, build: RowBuilders): StatementRow | MerchantRecord {
    const rows = this.rowPages[r >>> pageBits]!
    const at = (r & pageMask) * R
    const start = rows[at + rText]!
    const text = this.segments[rows[at + rSegment]!]!.toString('utf8', start, start + rows[at + rTextLength]!)
    const flags = rows[at + rFlagsStatus]! >>> 8
    const fields = flags & rowFlags.json ? (JSON.parse(text) as string[]) : text.split(',')
    return flags & rowFlags.merchant
      ? build.merchant(fields, rows[at + rLine]!)
      : build.statement(fields, rows[at + rLine]!)
  }

  private next(r: number): number {
    return this.rowPages[r >>> pageBits]![(r & pageMask) * R + rNext]!
  }

  /**
   * Classifies and counts every key, yielding the entries `tally` wants. Matched pairs are counted
   * from the typed arrays; every other key is rebuilt into rows and classified by the same code as
   * row objects are, so entries are identical. Releases the table as it ends.
   */
  *entries(tally: Tally, build: RowBuilders): Generator<ReconcileEntry> {
    for (let k = 0; k < this.keys; k++) {
      const keys = this.keyPages[k >>> pageBits]!
      const ka = (k & pageMask) * K
      const s = keys[ka + kFirstS]!
      const m = keys[ka + kFirstM]!
      if (!tally.includeMatched && keys[ka + kCountS] === 1 && keys[ka + kCountM] === 1) {
        const pair = keys[ka + kPair] === 0 ? (this.matchedPair(s, m) ? 1 : 2) : keys[ka + kPair]
        if (pair === 1) {
          countPair('matched', this.amount(s), tally)
          continue
        }
      }
      const statement: StatementRow[] = []
      const merchant: MerchantRecord[] = []
      for (let r = s; r !== -1; r = this.next(r)) statement.push(this.build(r, build) as StatementRow)
      for (let r = m; r !== -1; r = this.next(r)) merchant.push(this.build(r, build) as MerchantRecord)
      const entry = tallyGroup(statement, merchant, tally)
      if (entry !== undefined) yield entry
    }
    this.release()
  }

  /** Drops everything held. */
  release(): void {
    this.segments = []
    this.last = undefined
    this.rows = 0
    this.keys = 0
    this.bytes = 0
    this.rowPages = []
    this.amountPages = []
    this.keyPages = []
    this.table = new Int32Array(2 << 12)
    this.mask = (1 << 12) - 1
  }
}

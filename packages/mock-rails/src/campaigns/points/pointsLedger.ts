/**
 * The points ledger's bookkeeping on one wallet's book: posting entries, crediting pending ones and
 * expiring what is left of earned points, in time order. Invariant (property-tested): the balance is
 * the sum of the credited entries, and equals the lots left minus what is owed; points go below zero
 * only through a recorded taking (reversal, redemption, adjustment) beyond every lot.
 */
import type { PointsBookRecord, PointsEntryRecord } from './pointsState.js'

export type NewPointsEntry = Omit<PointsEntryRecord, 'status' | 'left' | 'id'> & { id: string }

export function emptyBook(walletId: string): PointsBookRecord {
  return {
    walletId,
    entries: [],
    seen: 0,
    earnedOn: { transfer: null, top_up: null },
    redemptions: { day: -1, count: 0 },
    owed: 0,
    orders: {},
  }
}

/** Credited points: the sum of every credited entry. */
export function balanceOf(book: PointsBookRecord): number {
  let sum = 0
  for (const entry of book.entries) if (entry.status === 'credited') sum += entry.points
  return sum
}

/** Points earned or taken but not yet credited. */
export function pendingOf(book: PointsBookRecord): number {
  let sum = 0
  for (const entry of book.entries) if (entry.status === 'pending') sum += entry.points
  return sum
}

/** Records an entry: pending until `creditAt` (credited at once when that is its own time). */
export function postEntry(book: PointsBookRecord, entry: NewPointsEntry): PointsEntryRecord {
  advanceBook(book, entry.createdAt)
  const record: PointsEntryRecord = { ...entry, status: 'pending', left: 0 }
  book.entries.push(record)
  if (record.creditAt <= record.createdAt) credit(book, record)
  return record
}

/** Credits every pending entry due and expires every lot due, up to `until`, earliest first. */
export function advanceBook(book: PointsBookRecord, until: number): void {
  for (;;) {
    let next: { at: number; entry: PointsEntryRecord; expire: boolean } | null = null
    for (const entry of book.entries) {
      if (entry.status === 'pending' && entry.creditAt <= until && (!next || entry.creditAt < next.at))
        next = { at: entry.creditAt, entry, expire: false }
      else if (
        entry.status === 'credited' &&
        entry.left > 0 &&
        entry.expiresAt !== null &&
        entry.expiresAt <= until &&
        (!next || entry.expiresAt < next.at)
      )
        next = { at: entry.expiresAt, entry, expire: true }
    }
    if (!next) return
    if (next.expire) expire(book, next.entry)
    else credit(book, next.entry)
  }
}

function credit(book: PointsBookRecord, entry: PointsEntryRecord): void {
  entry.status = 'credited'
  if (entry.points >= 0) {
    const repaid = Math.min(book.owed, entry.points)
    book.owed -= repaid
    entry.left = entry.points - repaid
    return
  }
  let due = -entry.points
  const first = entry.reversesEntryId ? book.entries.find((e) => e.id === entry.reversesEntryId) : undefined
  for (const lot of first ? [first, ...book.entries] : book.entries) {
    if (due === 0) break
    const take = Math.min(lot.left, due)
    lot.left -= take
    due -= take
  }
  book.owed += due
}

function expire(book: PointsBookRecord, lot: PointsEntryRecord): void {
  const points = lot.left
  lot.left = 0
  book.entries.push({
    id: `${lot.id}-x`,
    kind: 'expiry',
    points: -points,
    status: 'credited',
    value: null,
    orderId: null,
    transferId: null,
    refundId: null,
    reversesEntryId: lot.id,
    reason: 'expired',
    createdAt: lot.expiresAt!,
    creditAt: lot.expiresAt!,
    expiresAt: null,
    left: 0,
  })
}

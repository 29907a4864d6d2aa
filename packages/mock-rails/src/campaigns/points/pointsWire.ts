import type { PointsBalance, PointsEntry, PointsFund } from '@ecny/protocol/points'
import { formatTimestamp, shanghaiDay } from '../../support/shanghaiTime.js'
import type { PointsContext } from './pointsContext.js'
import { fundBalance, fundReserved, fundTotals, pointsFundAccount } from './pointsFund.js'
import { balanceOf, pendingOf } from './pointsLedger.js'
import type { PointsBookRecord, PointsEntryRecord } from './pointsState.js'

export function pointsEntryToWire(walletId: string, entry: PointsEntryRecord): PointsEntry {
  return {
    id: entry.id,
    walletId,
    kind: entry.kind,
    points: entry.points,
    status: entry.status,
    value: entry.value,
    orderId: entry.orderId,
    transferId: entry.transferId,
    refundId: entry.refundId,
    reversesEntryId: entry.reversesEntryId,
    reason: entry.reason,
    createdAt: formatTimestamp(entry.createdAt),
    creditAt: formatTimestamp(entry.creditAt),
    expiresAt: entry.expiresAt === null ? null : formatTimestamp(entry.expiresAt),
  }
}

export function pointsBalanceToWire(pc: PointsContext, book: PointsBookRecord): PointsBalance {
  const now = pc.ctx.clock.now()
  const used = book.redemptions.day === shanghaiDay(now) ? book.redemptions.count : 0
  let next: PointsEntryRecord | null = null
  for (const entry of book.entries) {
    if (entry.left > 0 && entry.expiresAt !== null && (!next || entry.expiresAt < next.expiresAt!))
      next = entry
  }
  return {
    walletId: book.walletId,
    balance: balanceOf(book),
    pending: pendingOf(book),
    redemptionsToday: used,
    redemptionsLeftToday: Math.max(0, pc.rules().redemptionsPerDay - used),
    nextExpiry: next ? { points: next.left, at: formatTimestamp(next.expiresAt!) } : null,
    asOf: formatTimestamp(now),
  }
}

/** The fund as the campaign console reads it (settle the holds first). */
export function pointsFundToWire(pc: PointsContext): PointsFund {
  const balance = fundBalance(pc)
  const reserved = fundReserved(pc)
  return {
    account: pointsFundAccount,
    balance,
    reserved,
    available: balance - reserved,
    ...fundTotals(pc),
    asOf: formatTimestamp(pc.ctx.clock.now()),
  }
}

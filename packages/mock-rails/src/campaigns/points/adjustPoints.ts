import type { PointsContext } from './pointsContext.js'
import { postEntry } from './pointsLedger.js'
import type { PointsEntryRecord } from './pointsState.js'
import { syncPointsBook } from './syncPointsBook.js'

/**
 * A campaign team's correction: signed points with a reason, credited at once. A positive one
 * expires like earned points; a negative one may take the balance below zero (recorded, like a reversal).
 */
export function adjustPoints(
  pc: PointsContext,
  walletId: string,
  input: { points: number; reason: string },
): PointsEntryRecord {
  const now = pc.ctx.clock.now()
  const book = syncPointsBook(pc, walletId)
  return postEntry(book, {
    id: pc.nextEntryId(),
    kind: 'adjustment',
    points: input.points,
    value: null,
    orderId: null,
    transferId: null,
    refundId: null,
    reversesEntryId: null,
    reason: input.reason,
    createdAt: now,
    creditAt: now,
    expiresAt: input.points > 0 ? now + pc.rules().validForDays * 86_400_000 : null,
  })
}

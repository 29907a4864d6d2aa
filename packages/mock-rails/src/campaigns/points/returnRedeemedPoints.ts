import type { PointsContext } from './pointsContext.js'
import { postEntry } from './pointsLedger.js'
import { orderOf, syncPointsBook } from './syncPointsBook.js'

const dayMs = 86_400_000

/**
 * Gives redeemed points back to their wallet: a `redemption_return` entry, credited at once and
 * valid for `validForDays` like earned points. `reason`: `refund` (with the refund's id),
 * `order_closed`, or `paid_by_another_wallet`.
 */
export function returnRedeemedPoints(
  pc: PointsContext,
  walletId: string,
  input: { orderId: string; points: number; value: number; refundId: string | null; reason: string },
): void {
  const now = pc.ctx.clock.now()
  const book = syncPointsBook(pc, walletId)
  orderOf(book, input.orderId).returned += input.points
  postEntry(book, {
    id: pc.nextEntryId(),
    kind: 'redemption_return',
    points: input.points,
    value: input.value,
    orderId: input.orderId,
    transferId: null,
    refundId: input.refundId,
    reversesEntryId: null,
    reason: input.reason,
    createdAt: now,
    creditAt: now,
    expiresAt: now + pc.rules().validForDays * dayMs,
  })
}

import type { OrderRecord } from '../../state/records.js'
import type { PointsContext } from './pointsContext.js'
import { returnRedeemedPoints } from './returnRedeemedPoints.js'

/**
 * Points held against an order go back to their wallet when the order can no longer be paid with
 * them: it closed unpaid (by the merchant or by expiry), another wallet paid it, or it was paid
 * without the points port (rails built without it).
 */
export function releaseHeldPoints(
  pc: PointsContext,
  order: OrderRecord,
  reason: 'order_closed' | 'paid_by_another_wallet' | 'paid_without_points',
): void {
  const hold = order.points
  pc.store.pointsHolds.delete(order.id)
  if (hold?.status !== 'held') return
  hold.status = 'released'
  returnRedeemedPoints(pc, hold.walletId, {
    orderId: order.id,
    points: hold.points,
    value: hold.value,
    refundId: null,
    reason,
  })
}

/**
 * Settles every hold whose order is no longer open: the points of a closed (or otherwise finished,
 * unpaid-with-them) order go back. Run before reading a balance or the fund, so what is reserved is
 * exactly the points of orders still open.
 */
export function settleHolds(pc: PointsContext): void {
  for (const orderId of [...pc.store.pointsHolds.keys()]) {
    const order = pc.ctx.state.orders.get(orderId)
    if (order?.points?.status !== 'held') pc.store.pointsHolds.delete(orderId)
    else if (order.status !== 'created' && order.status !== 'processing') {
      const paid = order.paidAt !== null
      releaseHeldPoints(pc, order, paid ? 'paid_without_points' : 'order_closed')
    }
  }
}

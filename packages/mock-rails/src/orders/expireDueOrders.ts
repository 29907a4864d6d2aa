import type { CoreContext } from '../engine/engineContext.js'
import { closeOrderRecord } from './closeOrderRecord.js'

/**
 * Closes every unpaid order whose expiry has passed on the rails clock. Cheap when nothing is due:
 * it remembers the earliest expiry and returns at once before it.
 */
export function expireDueOrders(ctx: CoreContext): number {
  const now = ctx.clock.now()
  if (now < ctx.expirySweep.nextAt) return 0
  let closed = 0
  let nextAt = Number.POSITIVE_INFINITY
  for (const [orderId, expiresAt] of ctx.state.openOrders) {
    if (expiresAt <= now) {
      const order = ctx.state.orders.get(orderId)!
      if (order.status === 'created') {
        closeOrderRecord(ctx, order, 'expired')
        closed++
      } else ctx.state.openOrders.delete(orderId)
    } else if (expiresAt < nextAt) nextAt = expiresAt
  }
  ctx.expirySweep.nextAt = nextAt
  return closed
}

import type { EngineContext } from '../engine/engineContext.js'
import type { OrderRecord } from '../state/records.js'
import { notFound } from '../support/railsError.js'
import { closeOrderRecord } from './closeOrderRecord.js'

/**
 * The order, with its expiry applied: a `created` order past `expiresAt` (rails clock) is closed
 * on the spot, so reads never show an order that should already be closed.
 */
export function getOrderRecord(ctx: EngineContext, orderId: string): OrderRecord {
  const order = ctx.state.orders.get(orderId)
  if (!order) throw notFound('order', orderId)
  if (order.status === 'created' && order.expiresAt <= ctx.clock.now())
    closeOrderRecord(ctx, order, 'expired')
  return order
}

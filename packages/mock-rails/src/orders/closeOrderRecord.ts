import type { CoreContext } from '../engine/engineContext.js'
import { orderStateMachine } from '../engine/stateMachines/orderStateMachine.js'
import type { OrderRecord } from '../state/records.js'

/**
 * `created → closed`, by the merchant or by expiry (then `failureCode: 'order_expired'`), and
 * `order.closed` queued.
 */
export function closeOrderRecord(ctx: CoreContext, order: OrderRecord, reason: 'expired' | 'merchant'): void {
  orderStateMachine.assert(order.status, 'closed')
  order.status = 'closed'
  order.updatedAt = reason === 'expired' ? order.expiresAt : ctx.clock.now()
  if (reason === 'expired') {
    order.failureCode = 'order_expired'
    order.failureMessage = 'The order expired before it was paid.'
  }
  ctx.state.openOrders.delete(order.id)
  ctx.emit({ type: 'order.closed', order })
}

import type { EngineContext } from '../engine/engineContext.js'
import { pointsPaidOn } from '../engine/payments/holderPaid.js'
import { orderStateMachine } from '../engine/stateMachines/orderStateMachine.js'
import type { OrderRecord } from '../state/records.js'

/**
 * `processing → succeeded` once the money moved, and `order.succeeded` queued for the merchant.
 * `paidAmount` is the wallet's part: the amount less the campaign benefit and the points it paid with.
 */
export function markOrderSucceeded(ctx: EngineContext, order: OrderRecord): void {
  orderStateMachine.assert(order.status, 'succeeded')
  const now = ctx.clock.now()
  order.status = 'succeeded'
  order.paidAmount = order.amount - (order.benefit?.amount ?? 0) - pointsPaidOn(order)
  order.paidAt = now
  order.updatedAt = now
  ctx.state.openOrders.delete(order.id)
  ctx.emit({ type: 'order.succeeded', order })
}

import type { EngineContext } from '../engine/engineContext.js'
import { orderToWire } from '../engine/toWire.js'
import { closeOrderRecord } from './closeOrderRecord.js'
import { getOrderRecord } from './orderLookup.js'

/** The merchant closes an unpaid order; it can never be paid afterwards. */
export function closeOrder(ctx: EngineContext, orderId: string) {
  const order = getOrderRecord(ctx, orderId)
  closeOrderRecord(ctx, order, 'merchant')
  return orderToWire(order)
}

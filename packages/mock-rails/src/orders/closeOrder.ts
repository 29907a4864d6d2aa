import type { EngineContext } from '../engine/engineContext.js'
import { orderToWire } from '../engine/toWire.js'
import { closeOrderRecord } from './closeOrderRecord.js'
import { getOrderRecord } from './orderLookup.js'
import { assertClosable } from './reversalRule.js'

/**
 * The merchant closes an unpaid order; it can never be paid afterwards. A paid order cannot be closed (`invalid_state`
 * naming the refund instead, CMB appendix 4).
 */
export function closeOrder(ctx: EngineContext, orderId: string) {
  const order = getOrderRecord(ctx, orderId)
  assertClosable(order)
  closeOrderRecord(ctx, order, 'merchant')
  return orderToWire(order)
}

import type { EngineContext } from '../engine/engineContext.js'
import { orderToWire } from '../engine/toWire.js'
import { getOrderRecord } from './orderLookup.js'

/** `GET /v1/orders/{id}`: the order as the protocol shows it. */
export function getOrder(ctx: EngineContext, orderId: string) {
  return orderToWire(getOrderRecord(ctx, orderId))
}

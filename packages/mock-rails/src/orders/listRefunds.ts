import type { EngineContext } from '../engine/engineContext.js'
import { refundToWire } from '../engine/toWire.js'
import { getOrderRecord } from './orderLookup.js'

/** Refunds of an order, oldest first. */
export function listRefunds(ctx: EngineContext, orderId: string) {
  getOrderRecord(ctx, orderId)
  const ids = ctx.state.refundsByOrder.get(orderId) ?? []
  return { data: ids.map((id) => refundToWire(ctx.state.refunds.get(id)!)), nextCursor: null }
}

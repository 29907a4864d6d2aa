import type { EngineContext } from '../engine/engineContext.js'
import { notFound } from '../support/railsError.js'
import { getOrder } from './getOrder.js'

/** The order a merchant created with this number (`not_found` if none): how to settle an unknown outcome. */
export function findOrderByMerchantOrderNo(ctx: EngineContext, merchantId: string, merchantOrderNo: string) {
  const id = ctx.state.orderByMerchantNo.get(`${merchantId}\u241f${merchantOrderNo}`)
  if (id === undefined) throw notFound('order with merchantOrderNo', merchantOrderNo)
  return getOrder(ctx, id)
}

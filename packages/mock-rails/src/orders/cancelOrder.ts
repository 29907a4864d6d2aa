import type { EngineContext } from '../engine/engineContext.js'
import { nextId } from '../engine/engineContext.js'
import { requireApprovedMerchant } from '../engine/merchantGuards.js'
import { holderPaid } from '../engine/payments/holderPaid.js'
import { returnOrderMoney } from '../engine/payments/returnOrderMoney.js'
import { orderStateMachine } from '../engine/stateMachines/orderStateMachine.js'
import { orderToWire } from '../engine/toWire.js'
import { getOrderRecord } from './orderLookup.js'
import { assertReversible } from './reversalRule.js'

/**
 * Reverses (撤销) a customer-presented-code payment that has no refunds: all the money goes back to
 * the payer and the order is `canceled`. Merchant-presented (`qr`), sub-wallet and app payments are
 * never reversed, nor is an order with refunds: refund instead (CMB appendices 3–4).
 */
export function cancelOrder(ctx: EngineContext, orderId: string) {
  const order = getOrderRecord(ctx, orderId)
  if (order.paidAt !== null) assertReversible(order)
  orderStateMachine.assert(order.status, 'canceled')
  const merchant = requireApprovedMerchant(ctx, order.merchantId)
  const benefit = order.benefit ? order.benefit.amount - order.benefit.clawedBack : 0
  returnOrderMoney(
    ctx,
    order,
    merchant.settlementWalletId,
    holderPaid(order) + benefit,
    benefit,
    nextId(ctx, 'rev'),
  )
  order.status = 'canceled'
  order.updatedAt = ctx.clock.now()
  ctx.campaigns.onRefunded?.({ order, now: order.updatedAt })
  return orderToWire(order)
}

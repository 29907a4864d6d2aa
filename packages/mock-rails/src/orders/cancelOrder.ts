import type { EngineContext } from '../engine/engineContext.js'
import { nextId } from '../engine/engineContext.js'
import { requireApprovedMerchant } from '../engine/merchantGuards.js'
import { returnOrderMoney } from '../engine/payments/returnOrderMoney.js'
import { orderStateMachine } from '../engine/stateMachines/orderStateMachine.js'
import { orderToWire } from '../engine/toWire.js'
import { RailsError } from '../support/railsError.js'
import { getOrderRecord } from './orderLookup.js'

/**
 * Reverses a paid order that has no refunds: all the money goes back to the payer and the order is
 * `canceled`. For partial money back, refund instead.
 */
export function cancelOrder(ctx: EngineContext, orderId: string) {
  const order = getOrderRecord(ctx, orderId)
  orderStateMachine.assert(order.status, 'canceled')
  if (order.refundedAmount > 0) {
    throw new RailsError(
      'invalid_state',
      'This order has refunds, so it cannot be canceled. Refund the rest instead.',
      {
        orderId,
        refundedAmount: order.refundedAmount,
      },
    )
  }
  const merchant = requireApprovedMerchant(ctx, order.merchantId)
  const benefit = order.benefit ? order.benefit.amount - order.benefit.clawedBack : 0
  returnOrderMoney(
    ctx,
    order,
    merchant.settlementWalletId,
    order.paidAmount + benefit,
    benefit,
    nextId(ctx, 'rev'),
  )
  order.status = 'canceled'
  order.updatedAt = ctx.clock.now()
  return orderToWire(order)
}

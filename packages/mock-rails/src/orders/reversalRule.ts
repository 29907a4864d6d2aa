import type { OrderRecord } from '../state/records.js'
import { RailsError } from '../support/railsError.js'

/**
 * Reversal (撤销, `canceled`) is for customer-presented-code payments only, and never after a refund
 * (CMB appendices 3–4: 主扫交易暂不支持撤销). Everything else gives money back by refund.
 */
export function assertReversible(order: OrderRecord): void {
  if (order.mode !== 'payment_code') {
    throw new RailsError(
      'invalid_state',
      `Order ${order.id} was paid in ${order.mode} mode; only a customer-presented-code (payment_code) payment can be reversed. Refund it instead (createRefund).`,
      { orderId: order.id, mode: order.mode, status: order.status, allowed: ['refund'] },
    )
  }
  if (order.refundedAmount > 0) {
    throw new RailsError(
      'invalid_state',
      `Order ${order.id} has refunds (${order.refundedAmount} fen), so it cannot be reversed. Refund the rest instead (createRefund).`,
      { orderId: order.id, refundedAmount: order.refundedAmount, status: order.status, allowed: ['refund'] },
    )
  }
}

/** A paid order is never closed: closing is for orders nobody paid; money goes back by refund. */
export function assertClosable(order: OrderRecord): void {
  if (order.status === 'created') return
  const paid = order.paidAt !== null
  throw new RailsError(
    'invalid_state',
    paid
      ? `Order ${order.id} is ${order.status}: a paid order cannot be closed. Refund it (createRefund)${order.mode === 'payment_code' && order.refundedAmount === 0 ? ', or reverse it (cancelOrder)' : ''}.`
      : `Order ${order.id} is ${order.status} (final); only an unpaid (created) order can be closed.`,
    {
      orderId: order.id,
      status: order.status,
      allowed: paid
        ? order.mode === 'payment_code' && order.refundedAmount === 0
          ? ['refund', 'cancel']
          : ['refund']
        : [],
    },
  )
}

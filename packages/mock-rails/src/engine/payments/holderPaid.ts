import type { OrderRecord } from '../../state/records.js'

/** Fen of a paid order that points redeemed against it paid (from the points fund). */
export function pointsPaidOn(order: Readonly<OrderRecord>): number {
  return order.points?.status === 'applied' ? order.points.value : 0
}

/**
 * What the holder paid for an order in all: the wallet's money (`paidAmount`) plus the value of the
 * points it paid with; with a campaign benefit, `amount − benefit`. Refund rules weigh this.
 */
export function holderPaid(order: Readonly<OrderRecord>): number {
  return order.paidAmount + pointsPaidOn(order)
}

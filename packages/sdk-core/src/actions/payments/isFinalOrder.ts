import { finalOrderStatuses, type Order } from '@ecny/protocol'

/**
 * True once an order will not change by itself (`succeeded`, `failed`, `closed`, `canceled`,
 * `partially_refunded`, `refunded`; refunds may still move a paid order on).
 *
 * @example
 * if (!isFinalOrder(order)) await waitForOrderFinal(client, { orderId: order.id })
 */
export function isFinalOrder(order: Pick<Order, 'status'> | undefined): boolean {
  return order !== undefined && finalOrderStatuses.includes(order.status)
}

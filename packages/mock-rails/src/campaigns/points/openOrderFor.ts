import { closeOrderRecord } from '../../orders/closeOrderRecord.js'
import type { OrderRecord } from '../../state/records.js'
import { notFound, RailsError } from '../../support/railsError.js'
import type { PointsContext } from './pointsContext.js'

/**
 * The open order a wallet may redeem points against: unpaid (`created`, its expiry applied), paid by
 * the wallet itself (a QR or in-app order), and not holding another wallet's points. `not_found`
 * without it, else `points_order_not_open` saying why.
 */
export function openOrderFor(pc: PointsContext, walletId: string, orderId: string): OrderRecord {
  const { ctx } = pc
  const order = ctx.state.orders.get(orderId)
  if (!order) throw notFound('order', orderId)
  if (order.status === 'created' && order.expiresAt <= ctx.clock.now())
    closeOrderRecord(ctx, order, 'expired')
  if (order.status !== 'created' || (order.mode !== 'qr' && order.mode !== 'app')) {
    throw new RailsError(
      'points_order_not_open',
      order.status === 'created'
        ? `Order ${order.id} is a ${order.mode} order, charged by the merchant at once: points pay only part of an order the wallet pays itself (QR or in-app), before paying it.`
        : `Order ${order.id} is ${order.status}: points are redeemed against an open order, before it is paid. Redeem them against the next order before paying it.`,
      { orderId: order.id, status: order.status, mode: order.mode, reason: 'not_open' },
    )
  }
  const holder = order.points?.status === 'held' ? order.points.walletId : walletId
  if (holder !== walletId) {
    throw new RailsError(
      'points_order_not_open',
      `Order ${order.id} already carries points another wallet redeemed against it: only that wallet's points pay part of it. Pay it as it is, or ask the merchant for a new order.`,
      { orderId: order.id, status: order.status, mode: order.mode, reason: 'points_of_another_wallet' },
    )
  }
  return order
}

import type * as z from 'zod/mini'
import type { EngineContext } from '../engine/engineContext.js'
import { nextId } from '../engine/engineContext.js'
import { requireApprovedMerchant } from '../engine/merchantGuards.js'
import { chargeWallet } from '../engine/payments/chargeWallet.js'
import { chargeWithBenefit } from '../engine/payments/chargeWithBenefit.js'
import { returnOrderMoney } from '../engine/payments/returnOrderMoney.js'
import { payOrderRequest } from '../engine/requestSchemas.js'
import { orderStateMachine } from '../engine/stateMachines/orderStateMachine.js'
import { orderToWire } from '../engine/toWire.js'
import { parseParams } from '../support/parseParams.js'
import { notFound, RailsError } from '../support/railsError.js'
import { closeOrderRecord } from './closeOrderRecord.js'
import { markOrderSucceeded } from './markOrderSucceeded.js'
import { getOrderRecord } from './orderLookup.js'
import { qrPayloadOrderId } from './qrPayloadOrderId.js'

export function getOrder(ctx: EngineContext, orderId: string) {
  return orderToWire(getOrderRecord(ctx, orderId))
}

/** The order a merchant created with this number (`not_found` if none): how to settle an unknown outcome. */
export function findOrderByMerchantOrderNo(ctx: EngineContext, merchantId: string, merchantOrderNo: string) {
  const id = ctx.state.orderByMerchantNo.get(`${merchantId}\u241f${merchantOrderNo}`)
  if (id === undefined) throw notFound('order with merchantOrderNo', merchantOrderNo)
  return getOrder(ctx, id)
}

/** Why an order cannot be paid, as the payer should hear it. */
function assertPayable(order: ReturnType<typeof getOrderRecord>): void {
  if (order.status === 'created') return
  if (order.status === 'closed' && order.failureCode === 'order_expired') {
    throw new RailsError(
      'order_expired',
      'This order expired before it was paid. Ask the merchant for a new one.',
      {
        orderId: order.id,
      },
    )
  }
  throw new RailsError(
    'order_not_payable',
    `This order is ${order.status} and cannot be paid. Ask the merchant for a new one.`,
    { orderId: order.id, status: order.status },
  )
}

/**
 * The wallet side of a QR or in-app payment: the payer's wallet pays the order. A refusal (caps,
 * funds) is an error to the payer and leaves the order `created`, so they can pay with another wallet.
 */
export function payOrder(ctx: EngineContext, orderId: string, input: z.input<typeof payOrderRequest>) {
  const params = parseParams(payOrderRequest, input)
  const order = getOrderRecord(ctx, orderId)
  assertPayable(order)
  if (order.mode !== 'qr' && order.mode !== 'app') {
    throw new RailsError(
      'order_not_payable',
      `A ${order.mode} order is charged by the merchant, not paid by the payer.`,
    )
  }
  const merchant = requireApprovedMerchant(ctx, order.merchantId)
  orderStateMachine.assert(order.status, 'processing')
  chargeWithBenefit(ctx, order, params.walletId, merchant.settlementWalletId, params.campaignId, (amount) =>
    chargeWallet(ctx, params.walletId, merchant.settlementWalletId, amount, order.id),
  )
  order.status = 'processing'
  order.payerWalletId = params.walletId
  markOrderSucceeded(ctx, order)
  return orderToWire(order)
}

/** The merchant closes an unpaid order; it can never be paid afterwards. */
export function closeOrder(ctx: EngineContext, orderId: string) {
  const order = getOrderRecord(ctx, orderId)
  closeOrderRecord(ctx, order, 'merchant')
  return orderToWire(order)
}

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

/** What a wallet app shows after scanning a merchant's QR code, before the payer confirms. */
export function resolveQr(ctx: EngineContext, payload: string) {
  const orderId = qrPayloadOrderId(payload)
  if (!orderId) {
    throw new RailsError('not_found', 'This QR code is not an e-CNY payment code this gateway issued.', {
      resource: 'qr payload',
    })
  }
  const order = getOrderRecord(ctx, orderId)
  const merchant = ctx.merchants.get(order.merchantId)!
  return {
    orderId: order.id,
    merchantId: order.merchantId,
    merchantName: merchant.legalName,
    amount: order.amount,
    currency: 'CNY' as const,
    description: order.description,
    status: order.status,
    expiresAt: orderToWire(order).expiresAt,
  }
}

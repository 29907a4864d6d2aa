import { createOrderRequest } from '@ecny/protocol'
import type * as z from 'zod/mini'
import type { EngineContext } from '../engine/engineContext.js'
import { nextId } from '../engine/engineContext.js'
import { noteOrderCreated } from '../engine/merchantDays.js'
import { requireApprovedMerchant } from '../engine/merchantGuards.js'
import { orderToWire } from '../engine/toWire.js'
import type { OrderRecord } from '../state/records.js'
import { parseParams } from '../support/parseParams.js'
import { RailsError } from '../support/railsError.js'
import { chargeImmediately } from './chargeImmediately.js'

export type CreateOrderParameters = z.input<typeof createOrderRequest>

/** An order waits this long to be paid unless `expiresInSeconds` says otherwise. */
export const defaultOrderExpirySeconds = 900

/**
 * Creates an order for an approved merchant. `qr` and `app` orders wait to be paid (`qrPayload`;
 * an app order is sealed for the wallet app by the merchant's server, see `appPay/`); `payment_code` and `sub_wallet` orders are charged at once and come back
 * `succeeded` or `failed` with a `failureCode`.
 *
 * A merchant order number belongs to one order for good: creating it again with the same details
 * returns the existing order (a safe retry, even without an idempotency key); with different details
 * it is refused with `duplicate_merchant_order_no`.
 */
export function createOrder(ctx: EngineContext, input: CreateOrderParameters) {
  const params = parseParams(createOrderRequest, input)
  if (params.merchantId === undefined) {
    throw new RailsError(
      'invalid_request',
      'Invalid request: merchantId: required. Name the merchant taking the payment.',
      {
        issues: [{ path: 'merchantId', message: 'required' }],
      },
    )
  }
  const merchant = requireApprovedMerchant(ctx, params.merchantId)
  const fingerprint = [
    params.mode,
    params.amount,
    params.description,
    params.paymentCode,
    params.subWalletId,
    params.expiresInSeconds,
    params.sceneId,
    params.terminalId,
    params.notifyUrl,
  ].join('\u241f')
  const key = `${merchant.id}\u241f${params.merchantOrderNo}`
  const existingId = ctx.state.orderByMerchantNo.get(key)
  if (existingId !== undefined) {
    const existing = ctx.state.orders.get(existingId)!
    if (existing.fingerprint === fingerprint) return orderToWire(existing)
    throw new RailsError(
      'duplicate_merchant_order_no',
      `Merchant order number ${params.merchantOrderNo} already belongs to order ${existing.id} with different details. ` +
        'Use a new merchant order number for a new order, or query the existing one.',
      { merchantOrderNo: params.merchantOrderNo, orderId: existing.id },
    )
  }
  const now = ctx.clock.now()
  const id = nextId(ctx, 'ord')
  const order: OrderRecord = {
    id,
    merchantId: merchant.id,
    merchantOrderNo: params.merchantOrderNo,
    mode: params.mode,
    status: 'created',
    amount: params.amount,
    paidAmount: 0,
    refundedAmount: 0,
    description: params.description,
    sceneId: params.sceneId ?? null,
    terminalId: params.terminalId ?? null,
    notifyUrl: params.notifyUrl ?? null,
    payerWalletId: null,
    subWalletId: null,
    qrPayload: params.mode === 'qr' ? `ecny://pay?o=${id}` : null,
    failureCode: null,
    failureMessage: null,
    fingerprint,
    expiresAt: now + (params.expiresInSeconds ?? defaultOrderExpirySeconds) * 1000,
    paidAt: null,
    createdAt: now,
    updatedAt: now,
  }
  ctx.state.orders.set(id, order)
  ctx.state.orderByMerchantNo.set(key, id)
  noteOrderCreated(ctx.state, order)
  if (params.mode === 'qr' || params.mode === 'app') {
    ctx.state.openOrders.set(id, order.expiresAt)
    if (order.expiresAt < ctx.expirySweep.nextAt) ctx.expirySweep.nextAt = order.expiresAt
  } else {
    chargeImmediately(ctx, order, merchant.settlementWalletId, params)
  }
  return orderToWire(order)
}

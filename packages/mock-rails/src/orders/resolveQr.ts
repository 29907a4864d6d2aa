import type { EngineContext } from '../engine/engineContext.js'
import { orderToWire } from '../engine/toWire.js'
import { RailsError } from '../support/railsError.js'
import { getOrderRecord } from './orderLookup.js'
import { qrPayloadOrderId } from './qrPayloadOrderId.js'

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
  const wire = orderToWire(order)
  return {
    orderId: order.id,
    merchantId: order.merchantId,
    merchantName: merchant.legalName,
    amount: order.amount,
    amountDue: wire.amountDue,
    currency: 'CNY' as const,
    description: order.description,
    status: order.status,
    expiresAt: wire.expiresAt,
  }
}

import { payOrderRequest } from '@ecny/protocol'
import type * as z from 'zod/mini'
import type { EngineContext } from '../engine/engineContext.js'
import { requireApprovedMerchant } from '../engine/merchantGuards.js'
import { chargeWallet } from '../engine/payments/chargeWallet.js'
import { chargeWithBenefit } from '../engine/payments/chargeWithBenefit.js'
import { orderStateMachine } from '../engine/stateMachines/orderStateMachine.js'
import { orderToWire } from '../engine/toWire.js'
import { requireActiveWallet } from '../engine/walletGuards.js'
import { parseParams } from '../support/parseParams.js'
import { RailsError } from '../support/railsError.js'
import { assertPaymentPassword } from '../wallets/paymentPassword.js'
import { markOrderSucceeded } from './markOrderSucceeded.js'
import { getOrderRecord } from './orderLookup.js'

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
  const payer = requireActiveWallet(ctx, params.walletId)
  assertPaymentPassword(payer, params.password, order.amount, ctx.paymentPassword, ctx.clock.now())
  chargeWithBenefit(ctx, order, params.walletId, merchant.settlementWalletId, params.campaignId, (amount) =>
    chargeWallet(ctx, params.walletId, merchant.settlementWalletId, amount, order.id),
  )
  order.status = 'processing'
  order.payerWalletId = params.walletId
  markOrderSucceeded(ctx, order)
  return orderToWire(order)
}

import { createRefundRequest } from '@ecny/protocol'
import type * as z from 'zod/mini'
import type { EngineContext } from '../engine/engineContext.js'
import { nextId } from '../engine/engineContext.js'
import { noteRefundCreated } from '../engine/merchantDays.js'
import { requireApprovedMerchant } from '../engine/merchantGuards.js'
import { returnOrderMoney } from '../engine/payments/returnOrderMoney.js'
import { orderStateMachine } from '../engine/stateMachines/orderStateMachine.js'
import { refundStateMachine } from '../engine/stateMachines/refundStateMachine.js'
import { refundToWire } from '../engine/toWire.js'
import type { RefundRecord } from '../state/records.js'
import { parseParams } from '../support/parseParams.js'
import { RailsError } from '../support/railsError.js'
import { nothingLeftToRefund } from './nothingLeftToRefund.js'
import { getOrderRecord } from './orderLookup.js'
import { assertRefundFunded, assertWithinRefundWindow } from './refundRules.js'

export type CreateRefundParameters = z.input<typeof createRefundRequest>

/**
 * Refunds part or all of a paid order, back the way the money came. Several refunds may be made per
 * order; their sum never exceeds what was paid (`refund_exceeds_paid`). The merchant refund number
 * makes it idempotent: the same number with the same order and amount returns the first refund (even
 * a failed one), with anything else it is a 409 `conflict`. The order becomes `partially_refunded`
 * or `refunded`. Refunds after the operator's window are refused (`refund_window_closed`); under
 * `same_day_incoming` funding, one larger than the day's incoming is refused with the retryable
 * `refund_funding_insufficient` and nothing is recorded. Refunds bypass the payer's balance cap. If the money cannot move (merchant funds,
 * payer wallet closed) the refund is recorded `failed` with a `failureCode` and `refund.failed` is
 * notified.
 */
export function createRefund(ctx: EngineContext, orderId: string, input: CreateRefundParameters) {
  const params = parseParams(createRefundRequest, input)
  const order = getOrderRecord(ctx, orderId)
  const key = `${order.merchantId}\u241f${params.merchantRefundNo}`
  const existingId = ctx.state.refundByMerchantNo.get(key)
  if (existingId !== undefined) {
    const existing = ctx.state.refunds.get(existingId)!
    if (existing.orderId === orderId && existing.amount === params.amount) return refundToWire(existing)
    throw new RailsError(
      'conflict',
      `Merchant refund number ${params.merchantRefundNo} already belongs to refund ${existing.id} with a different order or amount. Use a new refund number.`,
      { merchantRefundNo: params.merchantRefundNo, refundId: existing.id },
    )
  }
  if (order.status !== 'succeeded' && order.status !== 'partially_refunded') {
    throw new RailsError(
      'invalid_state',
      `This order is ${order.status}; only a paid order can be refunded.`,
      {
        orderId,
        status: order.status,
      },
    )
  }
  // Refunds are in order value: with a campaign benefit the merchant received the whole amount.
  if (order.refundedAmount + params.amount > order.amount) {
    const refundable = order.amount - order.refundedAmount
    throw new RailsError(
      'refund_exceeds_paid',
      `Only ${refundable} fen of this order is left to refund (paid ${order.paidAmount}, refunded ${order.refundedAmount}); ${params.amount} fen asked.`,
      {
        paidAmount: order.paidAmount,
        refundedAmount: order.refundedAmount,
        refundable,
        amount: params.amount,
      },
    )
  }
  const now = ctx.clock.now()
  assertWithinRefundWindow(ctx.refundRules, order, now)
  assertRefundFunded(ctx.refundRules, ctx.state, order, params.amount, now)
  const merchant = requireApprovedMerchant(ctx, order.merchantId)
  // The benefit taken back under the campaign's refund policy (may refuse: refund_exceeds_paid).
  const clawback = order.benefit
    ? (ctx.campaigns.refundClawback?.({ order, refundAmount: params.amount }) ?? 0)
    : 0
  const refund: RefundRecord = {
    id: nextId(ctx, 'rfd'),
    orderId,
    merchantRefundNo: params.merchantRefundNo,
    amount: params.amount,
    status: 'processing',
    reason: params.reason ?? null,
    failureCode: null,
    benefitClawback: 0,
    createdAt: now,
    succeededAt: null,
  }
  ctx.state.refunds.set(refund.id, refund)
  ctx.state.refundByMerchantNo.set(key, refund.id)
  const forOrder = ctx.state.refundsByOrder.get(orderId)
  if (forOrder) forOrder.push(refund.id)
  else ctx.state.refundsByOrder.set(orderId, [refund.id])
  noteRefundCreated(ctx.state, refund, order)
  let pointsReturned: RefundRecord['pointsReturned'] = null
  try {
    pointsReturned = returnOrderMoney(
      ctx,
      order,
      merchant.settlementWalletId,
      params.amount,
      clawback,
      refund.id,
    )
  } catch (error) {
    if (!(error instanceof RailsError)) throw error
    refundStateMachine.assert(refund.status, 'failed')
    refund.status = 'failed'
    refund.failureCode = error.code
    ctx.emit({ type: 'refund.failed', refund, order })
    return refundToWire(refund)
  }
  refundStateMachine.assert(refund.status, 'succeeded')
  refund.status = 'succeeded'
  refund.succeededAt = now
  refund.benefitClawback = clawback
  refund.pointsReturned = pointsReturned
  order.refundedAmount += params.amount
  // Fully refunded: the whole order value, or all the wallet paid when no more may be (CRP04).
  const next = nothingLeftToRefund(ctx, order) ? 'refunded' : 'partially_refunded'
  orderStateMachine.assert(order.status, next)
  order.status = next
  order.updatedAt = now
  ctx.campaigns.onRefunded?.({ order, now })
  ctx.emit({ type: 'refund.succeeded', refund, order })
  return refundToWire(refund)
}

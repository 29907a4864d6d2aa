import { operations } from '@ecny/protocol'
import {
  type CallOptions,
  ConflictError,
  EcnyError,
  type NotFoundError,
  positiveFenSchema,
  type Refund,
  type RequestErrorType,
  type ResultUnknownError,
} from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId, merchantNumber } from '../../internal/inputs.js'
import { getOrder } from '../orders/getOrder.js'
import { listRefunds } from './listRefunds.js'

const createRefundParameters = z.object({
  orderId: gatewayId('orderId'),
  /** Your number for this refund: unique per merchant, reused when you retry. */
  merchantRefundNo: merchantNumber('merchantRefundNo'),
  /** Integer fen. Leave out to refund everything not yet refunded. */
  amount: z.optional(positiveFenSchema),
  /** Shown to the payer: at most 80 characters. */
  reason: z.optional(z.string().check(z.maxLength(80, { error: 'reason must be at most 80 characters' }))),
})

export type CreateRefundParameters = z.input<typeof createRefundParameters>
export type CreateRefundReturnType = Refund
/** What createRefund can throw: see each code in docs/errors.md. */
export type CreateRefundErrorType = NotFoundError | ConflictError | ResultUnknownError | RequestErrorType

/**
 * Refunds part or all of a paid order, back the way the money came. An order may have several
 * refunds; together they never exceed what was paid (`refund_exceeds_paid`). The merchant refund
 * number is the idempotency key: calling again with the same number (after a crash, a timeout, a
 * `result_unknown`) returns the same refund and never refunds twice. The same number with another
 * order or amount is a `conflict` naming the number and the refund it belongs to. Refunds are refused
 * after the operator's refund window (`refund_window_closed`) and, where the operator funds refunds
 * from the day's incoming payments, while that is too little (`refund_funding_insufficient`:
 * retryable, retry the same number later). `benefitClawback` reports the
 * campaign benefit taken back under the campaign's refund policy (CRP01–CRP04).
 *
 * Without `amount` the rest of the order is refunded (the order is read first).
 *
 * @example
 * await createRefund(client, { orderId, merchantRefundNo: 'R-1001-1', amount: 300 }) // partial
 * await createRefund(client, { orderId, merchantRefundNo: 'R-1001-2' }) // the rest
 */
export async function createRefund(
  client: MerchantBaseClient,
  parameters: CreateRefundParameters,
  options: CallOptions = {},
): Promise<CreateRefundReturnType> {
  const input = parseInput(createRefundParameters, parameters, 'refund')
  let amount = input.amount
  if (amount === undefined) {
    const readOptions = {
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      maxRetries: options.maxRetries,
    }
    const order = await getOrder(client, { orderId: input.orderId }, readOptions)
    // Refunds are in order value (a campaign benefit is clawed back from it per the campaign's policy).
    amount = order.amount - order.refundedAmount
    if (amount <= 0) {
      // Already refunded in full: maybe by an earlier attempt of this very call.
      for (const existing of await listRefunds(client, { orderId: input.orderId }, readOptions)) {
        if (existing.merchantRefundNo === input.merchantRefundNo) return existing
      }
      throw new ConflictError('refund_exceeds_paid', `Order ${input.orderId} has nothing left to refund.`, {
        hint: 'It was paid nothing or is refunded in full already; nothing was sent.',
        details: {
          orderId: input.orderId,
          amount: order.amount,
          refundedAmount: order.refundedAmount,
        },
      })
    }
  }
  // The key names the refund number and the amount, so reusing the number for another amount reaches
  // the gateway's refund-number check, which names the number and its refund. The order id stays out:
  // ids are handed out in arrival order, and a replayed run must send the same keys.
  const idempotencyKey = options.idempotencyKey ?? `refund:${input.merchantRefundNo}:${amount}`
  try {
    return await client.request({
      ...fromOperation(operations.createRefund, { id: input.orderId }),
      body: {
        merchantRefundNo: input.merchantRefundNo,
        amount,
        ...(input.reason !== undefined && { reason: input.reason }),
      },
      outcomeLookup: { orderId: input.orderId, merchantRefundNo: input.merchantRefundNo },
      ...options,
      idempotencyKey,
    })
  } catch (error) {
    if (options.idempotencyKey !== undefined || !(error instanceof EcnyError)) throw error
    if (error.code !== 'idempotency_conflict') throw error
    // Only the order or the reason can differ under the SDK's own key: say so in terms of the refund number.
    throw new ConflictError(
      'conflict',
      `Merchant refund number ${input.merchantRefundNo} was already sent for this amount with another order or reason.`,
      {
        hint: 'Retry with exactly the same details, or use a new refund number for a new refund.',
        requestId: error.requestId,
        details: { merchantRefundNo: input.merchantRefundNo, orderId: input.orderId, amount },
        cause: error,
      },
    )
  }
}

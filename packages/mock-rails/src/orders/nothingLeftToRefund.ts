import type { EngineContext } from '../engine/engineContext.js'
import { holderPaid } from '../engine/payments/holderPaid.js'
import type { OrderRecord } from '../state/records.js'
import { RailsError } from '../support/railsError.js'

/**
 * Whether an order short of its full value is nonetheless refunded in full: the holder got back
 * all it paid (its money and its points) and the campaign's refund policy lets no more be refunded (CRP04 keeps the benefit).
 * Under a policy that still takes the benefit back (CRP03 on the last refund, `holderMoneyFirst`)
 * the rest of the order stays refundable. Changes nothing.
 */
export function nothingLeftToRefund(ctx: EngineContext, order: Readonly<OrderRecord>): boolean {
  const rest = order.amount - order.refundedAmount
  if (rest === 0) return true
  const toHolder = order.refundedAmount - (order.benefit?.clawedBack ?? 0)
  if (toHolder !== holderPaid(order)) return false
  if (!order.benefit || !ctx.campaigns.refundClawback) return true
  try {
    ctx.campaigns.refundClawback({ order, refundAmount: rest })
    return false
  } catch (error) {
    if (error instanceof RailsError) return true
    throw error
  }
}

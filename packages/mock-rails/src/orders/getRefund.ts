import type { EngineContext } from '../engine/engineContext.js'
import { refundToWire } from '../engine/toWire.js'
import { notFound } from '../support/railsError.js'

/** `GET /v1/refunds/{id}`: the refund as the protocol shows it. */
export function getRefund(ctx: EngineContext, refundId: string) {
  const refund = ctx.state.refunds.get(refundId)
  if (!refund) throw notFound('refund', refundId)
  return refundToWire(refund)
}

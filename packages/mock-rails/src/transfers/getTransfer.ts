import type { EngineContext } from '../engine/engineContext.js'
import { transferToWire } from '../engine/toWire.js'
import { notFound } from '../support/railsError.js'

/** `GET /v1/transfers/{id}`: the transfer as the protocol shows it. */
export function getTransfer(ctx: EngineContext, transferId: string) {
  const transfer = ctx.state.transfers.get(transferId)
  if (!transfer) throw notFound('transfer', transferId)
  return transferToWire(transfer)
}

import type { EngineContext } from '../engine/engineContext.js'
import { paymentCodeStateMachine } from '../engine/stateMachines/paymentCodeStateMachine.js'

/** Expires the wallet's current code, if it is still active (a newer code, or the wallet closed). */
export function retirePaymentCode(ctx: EngineContext, walletId: string): void {
  const code = ctx.state.currentPaymentCode.get(walletId)
  if (code === undefined) return
  const record = ctx.state.paymentCodes.get(code)
  if (record && paymentCodeStateMachine.can(record.status, 'expired')) record.status = 'expired'
  ctx.state.currentPaymentCode.delete(walletId)
}

import type { EngineContext } from '../engine/engineContext.js'
import { paymentCodeStateMachine } from '../engine/stateMachines/paymentCodeStateMachine.js'
import type { PaymentCodeRecord } from '../state/records.js'
import { RailsError } from '../support/railsError.js'

/**
 * The active code a merchant scanned, or why it cannot pay: `payment_code_used`,
 * `payment_code_expired` (by time, or replaced by a newer code), `not_found` (never issued).
 * Expiry by time is applied here, so the record's state follows the rails clock.
 */
export function findUsablePaymentCode(ctx: EngineContext, code: string): PaymentCodeRecord {
  const record = ctx.state.paymentCodes.get(code)
  if (!record) {
    throw new RailsError(
      'not_found',
      'No such payment code. Ask the customer to refresh the code in the wallet app.',
      {
        resource: 'payment code',
      },
    )
  }
  if (record.status === 'active' && record.expiresAt <= ctx.clock.now()) {
    paymentCodeStateMachine.assert(record.status, 'expired')
    record.status = 'expired'
  }
  if (record.status === 'used') {
    throw new RailsError(
      'payment_code_used',
      'This payment code was already used. Ask the customer for a fresh code.',
    )
  }
  if (record.status === 'expired') {
    throw new RailsError(
      'payment_code_expired',
      'This payment code has expired. Ask the customer to refresh the code.',
    )
  }
  return record
}

/** Marks a code used after it paid; it never pays again. */
export function markPaymentCodeUsed(ctx: EngineContext, record: PaymentCodeRecord): void {
  paymentCodeStateMachine.assert(record.status, 'used')
  record.status = 'used'
  if (ctx.state.currentPaymentCode.get(record.walletId) === record.code)
    ctx.state.currentPaymentCode.delete(record.walletId)
}

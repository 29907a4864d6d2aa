import type { EngineContext } from '../engine/engineContext.js'
import { paymentCodeToWire } from '../engine/toWire.js'
import { requireActiveWallet } from '../engine/walletGuards.js'
import type { PaymentCodeRecord } from '../state/records.js'
import { RailsError } from '../support/railsError.js'
import { assertPaymentsNotFrozen } from './paymentPassword.js'
import { retirePaymentCode } from './retirePaymentCode.js'

/** Default life of a payment code, by the rails clock. Change it with `createRails({ paymentCodeTtlSeconds })`. */
export const defaultPaymentCodeTtlMs = 60_000

/** Expired codes are remembered this long (to answer `payment_code_expired`), then forgotten. */
const retentionMs = 3600_000

/**
 * A customer-presented payment code (付款码) for the wallet: 19 digits starting `01`, single use,
 * valid for 60 s. Creating a new one retires the wallet's previous code.
 */
export function createPaymentCode(ctx: EngineContext, walletId: string) {
  const wallet = requireActiveWallet(ctx, walletId)
  if (wallet.type !== 'WT01') {
    throw new RailsError('invalid_request', 'Payment codes are for personal (WT01) wallets.', {
      issues: [{ path: 'walletId', message: 'not a personal wallet' }],
    })
  }
  const now = ctx.clock.now()
  assertPaymentsNotFrozen(wallet, ctx.paymentPassword, now)
  forgetOldCodes(ctx, now)
  retirePaymentCode(ctx, walletId)
  let code: string
  do {
    code = '01'
    for (let i = 0; i < 17; i++) code += ctx.random.int(10)
  } while (ctx.state.paymentCodes.has(code))
  const record: PaymentCodeRecord = {
    code,
    walletId,
    status: 'active',
    expiresAt: now + ctx.paymentCodeTtlMs,
    createdAt: now,
  }
  ctx.state.paymentCodes.set(code, record)
  ctx.state.currentPaymentCode.set(walletId, code)
  return paymentCodeToWire(record, now)
}

/** Codes are kept in creation order, so the oldest are at the front. */
function forgetOldCodes(ctx: EngineContext, now: number): void {
  for (const [code, record] of ctx.state.paymentCodes) {
    if (record.expiresAt + retentionMs > now) break
    ctx.state.paymentCodes.delete(code)
    if (ctx.state.currentPaymentCode.get(record.walletId) === code)
      ctx.state.currentPaymentCode.delete(record.walletId)
  }
}

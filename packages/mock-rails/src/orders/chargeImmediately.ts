import type { EngineContext } from '../engine/engineContext.js'
import { chargeSubWallet, chargeWallet } from '../engine/payments/chargeWallet.js'
import { chargeWithBenefit } from '../engine/payments/chargeWithBenefit.js'
import { orderStateMachine } from '../engine/stateMachines/orderStateMachine.js'
import { getWalletRecord } from '../engine/walletGuards.js'
import type { OrderRecord } from '../state/records.js'
import { RailsError } from '../support/railsError.js'
import { getSubWalletRecord } from '../wallets/getSubWalletRecord.js'
import { assertPaymentsNotFrozen } from '../wallets/paymentPassword.js'
import { findUsablePaymentCode, markPaymentCodeUsed } from '../wallets/redeemPaymentCode.js'
import { markOrderSucceeded } from './markOrderSucceeded.js'

/**
 * Charges a `payment_code` or `sub_wallet` order as it is created. A refusal (expired code, caps,
 * funds, revoked sub-wallet…) does not fail the request: the order becomes `failed` with the
 * refusal's code and message, and `order.failed` is notified.
 */
export function chargeImmediately(
  ctx: EngineContext,
  order: OrderRecord,
  merchantWalletId: string,
  params: { paymentCode?: string | undefined; subWalletId?: string | undefined },
): void {
  orderStateMachine.assert(order.status, 'processing')
  order.status = 'processing'
  try {
    if (order.mode === 'payment_code') {
      const code = findUsablePaymentCode(ctx, params.paymentCode!)
      order.payerWalletId = code.walletId
      // The code was authorised when it was shown; a freeze since then still stops the charge.
      assertPaymentsNotFrozen(getWalletRecord(ctx, code.walletId), ctx.paymentPassword, ctx.clock.now())
      chargeWithBenefit(ctx, order, code.walletId, merchantWalletId, undefined, (amount) =>
        chargeWallet(ctx, code.walletId, merchantWalletId, amount, order.id),
      )
      markPaymentCodeUsed(ctx, code)
    } else {
      const sub = getSubWalletRecord(ctx, params.subWalletId!)
      if (sub.merchantId !== order.merchantId) {
        throw new RailsError(
          'permission_denied',
          'This sub-wallet was pushed to another merchant; only that merchant may charge it.',
        )
      }
      order.payerWalletId = sub.parentWalletId
      order.subWalletId = sub.id
      chargeWithBenefit(ctx, order, sub.parentWalletId, merchantWalletId, undefined, (amount) =>
        chargeSubWallet(ctx, sub, merchantWalletId, amount, order.id),
      )
    }
  } catch (error) {
    if (!(error instanceof RailsError)) throw error
    orderStateMachine.assert(order.status, 'failed')
    order.status = 'failed'
    order.failureCode = error.code
    order.failureMessage = error.message
    order.updatedAt = ctx.clock.now()
    ctx.emit({ type: 'order.failed', order })
    return
  }
  markOrderSucceeded(ctx, order)
}

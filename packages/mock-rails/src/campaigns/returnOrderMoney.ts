import type { EngineContext } from '../engine/engineContext.js'
import { returnPayment } from '../engine/payments/returnPayment.js'
import { balanceOf, requireActiveWallet } from '../engine/walletGuards.js'
import type { OrderRecord } from '../state/records.js'
import { RailsError } from '../support/railsError.js'

/**
 * Sends `amount` (order value) from the merchant back the way it came, when part of the order was
 * paid by a campaign: `amount − clawback` to the payer (`returnPayment`), `clawback` to the
 * campaign's budget. Everything is checked before anything moves, so either both move or neither.
 * Without a clawback it is exactly `returnPayment`.
 */
export function returnOrderMoney(
  ctx: EngineContext,
  order: OrderRecord,
  merchantWalletId: string,
  amount: number,
  clawback: number,
  reference: string,
): void {
  if (clawback === 0) {
    returnPayment(ctx, order, merchantWalletId, amount, reference)
    return
  }
  requireActiveWallet(ctx, order.payerWalletId!)
  requireActiveWallet(ctx, merchantWalletId)
  const available = balanceOf(ctx, merchantWalletId)
  if (available < amount) {
    throw new RailsError(
      'insufficient_funds',
      `The merchant's settlement wallet holds ${available} fen, less than the ${amount} fen to return. Fund it, then retry with the same refund number.`,
      { walletId: merchantWalletId, available, amount, shortfall: amount - available },
    )
  }
  if (amount > clawback) returnPayment(ctx, order, merchantWalletId, amount - clawback, reference)
  ctx.campaigns.applyClawback!({ order, amount: clawback, merchantWalletId, reference, now: ctx.clock.now() })
}

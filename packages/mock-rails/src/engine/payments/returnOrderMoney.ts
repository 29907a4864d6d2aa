import type { OrderRecord } from '../../state/records.js'
import type { EngineContext } from '../engineContext.js'
import { assertReturnable, returnPayment } from './returnPayment.js'

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
  assertReturnable(ctx, order.payerWalletId!, merchantWalletId, amount)
  if (amount > clawback) returnPayment(ctx, order, merchantWalletId, amount - clawback, reference)
  ctx.campaigns.applyClawback!({ order, amount: clawback, merchantWalletId, reference, now: ctx.clock.now() })
}

import type { OrderRecord } from '../../state/records.js'
import type { EngineContext } from '../engineContext.js'
import { assertReturnable, returnPayment } from './returnPayment.js'

/**
 * Sends `amount` (order value) from the merchant back the way it came, when part of the order was
 * paid by a campaign or by points: `clawback` to the campaign's budget; of the holder's part
 * (`amount − clawback`), the points' share to the points fund (returning the points with it) and the
 * rest to the payer (`returnPayment`). Everything is checked before anything moves, so either all
 * moves or nothing does. Without a clawback or points it is exactly `returnPayment`. Returns what
 * went back to the points fund, or `null`.
 */
export function returnOrderMoney(
  ctx: EngineContext,
  order: OrderRecord,
  merchantWalletId: string,
  amount: number,
  clawback: number,
  reference: string,
): { points: number; value: number } | null {
  const toFund = ctx.points?.refundShare(order, amount - clawback) ?? 0
  if (clawback === 0 && toFund === 0) {
    returnPayment(ctx, order, merchantWalletId, amount, reference)
    return null
  }
  assertReturnable(ctx, order.payerWalletId!, merchantWalletId, amount)
  // Points first: the fund's return reads the holder's points history before this refund lands in it.
  const pointsReturned =
    toFund > 0 ? ctx.points!.applyRefund({ order, value: toFund, merchantWalletId, reference }) : null
  const toWallet = amount - clawback - toFund
  // A wallet that paid nothing (all points) still gets its refund line: the points ledger reads it.
  if (toWallet > 0 || clawback === 0) returnPayment(ctx, order, merchantWalletId, toWallet, reference)
  if (clawback > 0) {
    ctx.campaigns.applyClawback!({
      order,
      amount: clawback,
      merchantWalletId,
      reference,
      now: ctx.clock.now(),
    })
  }
  return pointsReturned
}

import type { OrderRecord } from '../../state/records.js'
import type { OrderBenefitQuote } from '../campaignPort.js'
import type { EngineContext } from '../engineContext.js'

/**
 * Charges the payer for an order with its points and the campaign benefit applied first: `charge`
 * moves `amount − points' value − discount` from the wallet (its caps and funds checked there), then
 * the points fund pays the points' value and the campaign's budget the discount to the merchant, so
 * the merchant receives the full order amount. The benefit is priced on the order amount and covers
 * at most what the points leave. The quote changes nothing, so a refused charge leaves campaigns and
 * points untouched. Sets `order.benefit`.
 */
export function chargeWithBenefit(
  ctx: EngineContext,
  order: OrderRecord,
  payerWalletId: string,
  merchantWalletId: string,
  campaignId: string | undefined,
  charge: (amount: number) => void,
): void {
  const now = ctx.clock.now()
  const points = ctx.points?.valueFor(order, payerWalletId) ?? 0
  const quote = fitted(
    ctx.campaigns.quoteOrderBenefit?.({ order, walletId: payerWalletId, campaignId, now }) ?? null,
    order.amount - points,
  )
  // A rebate is paid back after payment: the wallet pays the whole of its part first.
  charge(order.amount - points - (quote && !quote.rebate ? quote.discount : 0))
  ctx.points?.apply({ order, payerWalletId, merchantWalletId })
  if (quote && ctx.campaigns.applyOrderBenefit) {
    order.benefit = ctx.campaigns.applyOrderBenefit({
      order,
      walletId: payerWalletId,
      quote,
      merchantWalletId,
      now,
    })
  }
}

/** The quote with its discount cut to `room` fen; none when nothing of it is left. */
function fitted(quote: OrderBenefitQuote | null, room: number): OrderBenefitQuote | null {
  if (!quote || quote.discount <= room) return quote
  if (room === 0 && quote.points === 0) return null
  return { ...quote, discount: room }
}

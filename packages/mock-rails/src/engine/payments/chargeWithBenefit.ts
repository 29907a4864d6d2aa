import type { OrderRecord } from '../../state/records.js'
import type { EngineContext } from '../engineContext.js'

/**
 * Charges the payer for an order with the campaign benefit applied first: `charge` moves
 * `amount − discount` from the wallet (its caps and funds checked there), then the campaign's budget
 * pays the discount to the merchant, so the merchant receives the full order amount. The quote
 * changes nothing, so a refused charge leaves campaigns untouched. Sets `order.benefit`.
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
  const quote = ctx.campaigns.quoteOrderBenefit?.({ order, walletId: payerWalletId, campaignId, now }) ?? null
  // A rebate is paid back after payment: the wallet pays the whole order first.
  charge(order.amount - (quote && !quote.rebate ? quote.discount : 0))
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

import type { OrderRecord } from '../../state/records.js'
import { RailsError } from '../../support/railsError.js'
import type { EngineContext } from '../engineContext.js'
import type { MovementLine } from '../moveMoney.js'
import { moveMoney } from '../moveMoney.js'
import { balanceOf, requireActiveWallet } from '../walletGuards.js'

/**
 * Sends money from the merchant back the way it came (refunds and cancellations): to the payer's
 * wallet, or through the sub-wallet back to its parent. Returns bypass the balance cap — a refund
 * must not fail because the payer's wallet is full — and do not give back daily/annual usage.
 * Throws `insufficient_funds` when the merchant's settlement wallet no longer holds the amount.
 */
export function returnPayment(
  ctx: EngineContext,
  order: OrderRecord,
  merchantWalletId: string,
  amount: number,
  reference: string,
): void {
  const payerWalletId = order.payerWalletId!
  assertReturnable(ctx, payerWalletId, merchantWalletId, amount)
  const lines: MovementLine[] = [{ walletId: merchantWalletId, amount: -amount, kind: 'refund' }]
  if (order.subWalletId) {
    lines.push(
      { walletId: order.subWalletId, amount, kind: 'refund' },
      { walletId: order.subWalletId, amount: -amount, kind: 'sub_wallet_return' },
      { walletId: payerWalletId, amount, kind: 'sub_wallet_return' },
    )
  } else {
    lines.push({ walletId: payerWalletId, amount, kind: 'refund' })
  }
  moveMoney(ctx, 'refund', reference, lines)
}

/**
 * Both wallets open and the merchant's settlement wallet holding `amount`: what a return needs
 * before anything moves. A refund refused here is recorded `failed`, so a retry needs a new number.
 */
export function assertReturnable(
  ctx: EngineContext,
  payerWalletId: string,
  merchantWalletId: string,
  amount: number,
): void {
  requireActiveWallet(ctx, payerWalletId)
  requireActiveWallet(ctx, merchantWalletId)
  const available = balanceOf(ctx, merchantWalletId)
  if (available < amount) {
    throw new RailsError(
      'insufficient_funds',
      `The merchant's settlement wallet holds ${available} fen, less than the ${amount} fen to return. Fund it, then retry (a refund with a new refund number: the failed one stays failed).`,
      { walletId: merchantWalletId, available, amount, shortfall: amount - available },
    )
  }
}

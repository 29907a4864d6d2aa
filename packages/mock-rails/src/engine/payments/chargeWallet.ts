import type { SubWalletRecord } from '../../state/records.js'
import { RailsError } from '../../support/railsError.js'
import type { EngineContext } from '../engineContext.js'
import { moveMoney } from '../moveMoney.js'
import { currentUsage, recordUsage } from '../usage.js'
import { assertDebitWithinCaps, assertFunds, requireActiveWallet } from '../walletGuards.js'

/**
 * Pays `amount` from a wallet to a merchant's settlement wallet: the payer's single/daily/annual caps,
 * then its funds, then one journal entry; the amount counts toward the payer's usage.
 */
export function chargeWallet(
  ctx: EngineContext,
  payerWalletId: string,
  payeeWalletId: string,
  amount: number,
  reference: string,
): void {
  const payer = requireActiveWallet(ctx, payerWalletId)
  requireActiveWallet(ctx, payeeWalletId)
  assertDebitWithinCaps(ctx, payer, amount)
  assertFunds(ctx, payerWalletId, amount)
  moveMoney(ctx, 'payment', reference, [
    { walletId: payerWalletId, amount: -amount, kind: 'payment' },
    { walletId: payeeWalletId, amount, kind: 'payment' },
  ])
  recordUsage(payer.usage, amount, ctx.clock.now())
}

/**
 * A password-free sub-wallet charge: the sub-wallet's own caps, then the parent's caps and funds; the
 * parent funds the sub-wallet and the sub-wallet pays, in one balanced entry, so the sub-wallet
 * never keeps a balance.
 */
export function chargeSubWallet(
  ctx: EngineContext,
  sub: SubWalletRecord,
  payeeWalletId: string,
  amount: number,
  reference: string,
): void {
  if (sub.status !== 'active') {
    throw new RailsError(
      'sub_wallet_revoked',
      'The holder revoked this sub-wallet. Ask the customer to pay another way.',
      {
        subWalletId: sub.id,
      },
    )
  }
  const now = ctx.clock.now()
  if (amount > sub.caps.single) {
    throw new RailsError(
      'limit_exceeded',
      `A single charge on this sub-wallet may be at most ${sub.caps.single} fen; ${amount} fen asked.`,
      {
        cap: 'single',
        scope: 'sub_wallet',
        limit: sub.caps.single,
        used: 0,
        headroom: sub.caps.single,
        amount,
      },
    )
  }
  const usage = currentUsage(sub.usage, now)
  if (usage.today + amount > sub.caps.daily) {
    const headroom = Math.max(0, sub.caps.daily - usage.today)
    throw new RailsError(
      'limit_exceeded',
      `This sub-wallet's daily cap is ${sub.caps.daily} fen and ${usage.today} fen is used: ${headroom} fen left today.`,
      { cap: 'daily', scope: 'sub_wallet', limit: sub.caps.daily, used: usage.today, headroom, amount },
    )
  }
  const parent = requireActiveWallet(ctx, sub.parentWalletId)
  requireActiveWallet(ctx, payeeWalletId)
  assertDebitWithinCaps(ctx, parent, amount)
  assertFunds(ctx, parent.id, amount)
  moveMoney(ctx, 'sub_wallet_payment', reference, [
    { walletId: parent.id, amount: -amount, kind: 'sub_wallet_funding' },
    { walletId: sub.id, amount, kind: 'sub_wallet_funding' },
    { walletId: sub.id, amount: -amount, kind: 'payment' },
    { walletId: payeeWalletId, amount, kind: 'payment' },
  ])
  recordUsage(parent.usage, amount, now)
  recordUsage(sub.usage, amount, now)
}

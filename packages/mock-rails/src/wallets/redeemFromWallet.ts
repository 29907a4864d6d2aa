import { bankMovementRequest } from '@ecny/protocol'
import type { EngineContext } from '../engine/engineContext.js'
import { nextId } from '../engine/engineContext.js'
import { moveMoney } from '../engine/moveMoney.js'
import { transactionToWire } from '../engine/toWire.js'
import { assertFunds, requireActiveWallet } from '../engine/walletGuards.js'
import { bankFloatAccount } from '../ledger/ledger.js'
import { lastHistoryLine } from '../state/historyLine.js'
import { parseParams } from '../support/parseParams.js'
import { type BankMovementParameters, cardFor } from './topUpWallet.js'

/**
 * Moves money out of the wallet to a bank card: the only way money leaves the rails. Redemptions do
 * not count toward the payment caps (they go to the holder's own card).
 */
export function redeemFromWallet(ctx: EngineContext, walletId: string, input: BankMovementParameters) {
  const params = parseParams(bankMovementRequest, input)
  const wallet = requireActiveWallet(ctx, walletId)
  cardFor(wallet, params.bankCard)
  assertFunds(ctx, walletId, params.amount)
  const reference = nextId(ctx, 'red')
  moveMoney(ctx, 'redemption', reference, [
    { walletId, amount: -params.amount, kind: 'redemption' },
    { account: bankFloatAccount, amount: params.amount },
  ])
  return transactionToWire(lastHistoryLine(ctx, walletId))
}

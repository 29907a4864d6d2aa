import { bankMovementRequest } from '@ecny/protocol'
import { isValidBankCard } from '@ecny/sdk-core/internal'
import type { EngineContext } from '../engine/engineContext.js'
import { nextId } from '../engine/engineContext.js'
import { moveMoney } from '../engine/moveMoney.js'
import { transactionToWire } from '../engine/toWire.js'
import { assertCreditWithinCap, requireActiveWallet } from '../engine/walletGuards.js'
import { bankFloatAccount } from '../ledger/ledger.js'
import { lastHistoryLine } from '../state/historyLine.js'
import type { WalletRecord } from '../state/records.js'
import { parseParams } from '../support/parseParams.js'
import { RailsError } from '../support/railsError.js'

export type BankMovementParameters = {
  amount: number
  /**
   * The card to move money from/to. Wallets with a linked card (WL02, WL01) or a settlement account
   * (WT09) use it and ignore this; WL04 and WL03 wallets have none, so they name a card here (any
   * card in the simulator, Luhn-checked) — as a wallet app lets you pick a card each time.
   */
  bankCard?: string | undefined
}

/** The card a top-up or redemption moves money through, or `invalid_request` when there is none. */
export function cardFor(wallet: WalletRecord, bankCard: string | undefined): string {
  if (wallet.linkedBankCard) return wallet.linkedBankCard
  if (bankCard === undefined) {
    throw new RailsError(
      'invalid_request',
      `Invalid request: bankCard: required, because a ${wallet.level} wallet has no linked bank card. Pass the card number to use.`,
      { issues: [{ path: 'bankCard', message: 'required for a wallet without a linked card' }] },
    )
  }
  if (!isValidBankCard(bankCard)) {
    throw new RailsError(
      'invalid_request',
      'Invalid request: bankCard: not a valid bank card number (Luhn).',
      {
        issues: [{ path: 'bankCard', message: 'Luhn check failed' }],
      },
    )
  }
  return bankCard
}

/**
 * Moves money from a bank card into the wallet: the only way money enters the rails. The balance cap
 * applies (`limit_exceeded` with `cap: 'balance'`).
 */
export function topUpWallet(ctx: EngineContext, walletId: string, input: BankMovementParameters) {
  const params = parseParams(bankMovementRequest, input)
  const wallet = requireActiveWallet(ctx, walletId)
  cardFor(wallet, params.bankCard)
  assertCreditWithinCap(ctx, wallet, params.amount)
  const reference = nextId(ctx, 'top')
  moveMoney(ctx, 'top_up', reference, [
    { account: bankFloatAccount, amount: -params.amount },
    { walletId, amount: params.amount, kind: 'top_up' },
  ])
  return transactionToWire(lastHistoryLine(ctx, walletId))
}

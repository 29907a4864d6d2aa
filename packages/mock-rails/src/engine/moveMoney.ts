import { walletAccount } from '../ledger/ledger.js'
import { transactionId } from '../state/historyLine.js'
import type { TransactionKind } from '../state/records.js'
import type { CoreContext } from './engineContext.js'

/** One line of a movement: a wallet (or, with `account`, any ledger account) and a signed amount. */
export type MovementLine =
  | { walletId: string; amount: number; kind: TransactionKind }
  | { account: string; amount: number }

/**
 * Posts one balanced journal entry and writes each wallet's history line (kind, balance after).
 * Business rules (caps, funds, state) are checked by the caller before; the ledger still refuses an
 * unbalanced entry or a negative wallet, so a bug cannot create or destroy money.
 */
export function moveMoney(
  ctx: CoreContext,
  journalKind: string,
  reference: string,
  lines: MovementLine[],
): void {
  ctx.ledger.post({
    kind: journalKind,
    reference,
    lines: lines.map((line) => ({
      account: 'walletId' in line ? walletAccount(line.walletId) : line.account,
      amount: line.amount,
    })),
  })
  const now = ctx.clock.now()
  for (const line of lines) {
    if (!('walletId' in line)) continue
    let history = ctx.state.transactions.get(line.walletId)
    if (!history) {
      history = []
      ctx.state.transactions.set(line.walletId, history)
    }
    const n = (ctx.state.counters.txn ?? 0) + 1
    ctx.state.counters.txn = n
    history.push({
      id: transactionId(n),
      seq: history.length,
      walletId: line.walletId,
      kind: line.kind,
      amount: Math.abs(line.amount),
      signed: line.amount,
      balanceAfter: ctx.ledger.balanceOf(walletAccount(line.walletId)),
      reference,
      createdAt: now,
    })
  }
}

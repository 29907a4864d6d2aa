import type { RailsState } from './railsState.js'
import { type HistoryEntry, type TapBatchStamp, type TransactionRecord, tapLineSlots } from './records.js'

type HistoryState = Pick<RailsState, 'transactions' | 'tapLines'>

/** The id of the `n`th history line of the rails: `txn_` and 8 base-36 digits. */
export function transactionId(n: number): string {
  return `txn_${n.toString(36).padStart(8, '0')}`
}

/**
 * Line `seq` of a wallet's history as a {@link TransactionRecord}, whether it is stored whole or as a
 * packed tap debit.
 *
 * @example
 * const history = state.transactions.get(walletId)!
 * historyLine(state, walletId, 3, history[3]!).id // 'txn_00000016'
 */
export function historyLine(
  state: HistoryState,
  walletId: string,
  seq: number,
  entry: HistoryEntry,
): TransactionRecord {
  if (typeof entry !== 'number') return entry
  const lines = state.tapLines.get(walletId)!
  const at = entry * tapLineSlots
  const amount = lines[at + 1] as number
  const batch = lines[at + 4] as TapBatchStamp
  return {
    id: transactionId(lines[at] as number),
    seq,
    walletId,
    kind: 'payment',
    amount,
    signed: -amount,
    balanceAfter: lines[at + 2] as number,
    reference: batch.id,
    createdAt: batch.createdAt,
  }
}

/** The newest line of a wallet's history (one was just written). */
export function lastHistoryLine(ctx: { state: HistoryState }, walletId: string): TransactionRecord {
  const history = ctx.state.transactions.get(walletId)!
  return historyLine(ctx.state, walletId, history.length - 1, history.at(-1)!)
}

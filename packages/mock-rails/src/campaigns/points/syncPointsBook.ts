/**
 * Brings a wallet's points book up to the rails clock. The book reads the wallet's own history
 * (oldest first, from where it stopped), so every rule follows from what happened and when:
 * - a new wallet earns `newWallet` once, at its opening;
 * - a transfer sent and a top-up each earn `perTransfer` / `perTopUp` at most once a Shanghai day;
 * - points a campaign gave on a payment (PT07) or a transfer (转账有礼) are entered as `campaign`;
 * - a refund takes back the points earned on its payment (in proportion to the amount refunded,
 *   all of them on a full refund); points redeemed against it come back at the refund itself, with
 *   their value to the points fund (`pointsPortOf`);
 * then credits what is due (`creditAfterWorkingDays` working days after) and expires what is left
 * of points `validForDays` after they were credited.
 */

import { historyLine } from '../../state/historyLine.js'
import type { TransactionRecord } from '../../state/records.js'
import { shanghaiDay } from '../../support/shanghaiTime.js'
import type { PointsContext } from './pointsContext.js'
import { advanceBook, postEntry } from './pointsLedger.js'
import type { PointsBookRecord, PointsEntryKind } from './pointsState.js'
import { addWorkingDays } from './workingDays.js'

const dayMs = 86_400_000

export function syncPointsBook(pc: PointsContext, walletId: string): PointsBookRecord {
  const { ctx } = pc
  const now = ctx.clock.now()
  const book = pc.book(walletId)
  const wallet = ctx.state.wallets.get(walletId)
  if (book.seen === 0 && wallet && !book.entries.some((entry) => entry.kind === 'new_wallet')) {
    earn(pc, book, 'new_wallet', pc.rules().newWallet, wallet.createdAt, {})
  }
  const history = ctx.state.transactions.get(walletId) ?? []
  for (; book.seen < history.length; book.seen++)
    read(pc, book, historyLine(ctx.state, walletId, book.seen, history[book.seen]!))
  advanceBook(book, now)
  return book
}

function read(pc: PointsContext, book: PointsBookRecord, tx: TransactionRecord): void {
  const rules = pc.rules()
  const day = shanghaiDay(tx.createdAt)
  if (tx.kind === 'transfer_out' || tx.kind === 'top_up') {
    const rule = tx.kind === 'transfer_out' ? 'transfer' : 'top_up'
    const points = rule === 'transfer' ? rules.perTransfer : rules.perTopUp
    if (book.earnedOn[rule] !== day && points > 0) {
      book.earnedOn[rule] = day
      earn(pc, book, rule, points, tx.createdAt, rule === 'transfer' ? { transferId: tx.reference } : {})
    }
    const reward = tx.reference ? pc.ctx.state.transfers.get(tx.reference)?.reward : undefined
    if (rule === 'transfer' && reward?.granted && reward.points)
      earn(pc, book, 'campaign', reward.points, tx.createdAt, { transferId: tx.reference })
  } else if (tx.kind === 'payment' && tx.reference) {
    const points = pc.ctx.state.orders.get(tx.reference)?.benefit?.points ?? 0
    if (points > 0) earn(pc, book, 'campaign', points, tx.createdAt, { orderId: tx.reference })
  } else if (tx.kind === 'refund' && tx.reference) {
    takeBackOnRefund(pc, book, tx)
  }
}

function earn(
  pc: PointsContext,
  book: PointsBookRecord,
  kind: PointsEntryKind,
  points: number,
  at: number,
  refs: { orderId?: string | null; transferId?: string | null },
): void {
  const rules = pc.rules()
  const creditAt = addWorkingDays(at, rules.creditAfterWorkingDays)
  postEntry(book, {
    id: pc.nextEntryId(),
    kind,
    points,
    value: null,
    orderId: refs.orderId ?? null,
    transferId: refs.transferId ?? null,
    refundId: null,
    reversesEntryId: null,
    reason: null,
    createdAt: at,
    creditAt,
    expiresAt: creditAt + rules.validForDays * dayMs,
  })
  if (refs.orderId) orderOf(book, refs.orderId).earned += points
}

export function orderOf(book: PointsBookRecord, orderId: string) {
  book.orders[orderId] ??= { earned: 0, reversed: 0, redeemed: 0, returned: 0, value: 0 }
  return book.orders[orderId]
}

/** Proportional, cumulative: after refunds of `refunded` fen, `floor(earned × refunded / amount)` is back. */
function takeBackOnRefund(pc: PointsContext, book: PointsBookRecord, tx: TransactionRecord): void {
  const { state } = pc.ctx
  const refund = state.refunds.get(tx.reference!)
  const order = refund && state.orders.get(refund.orderId)
  const line = order && book.orders[order.id]
  if (!refund || !order || !line) return
  let refunded = 0
  // Refunds of the order up to and including this one, in the order they were made.
  for (const id of state.refundsByOrder.get(order.id) ?? []) {
    const other = state.refunds.get(id)
    if (other?.status === 'succeeded') refunded += other.amount
    if (id === refund.id) break
  }
  const share = (points: number) => Math.floor((points * Math.min(refunded, order.amount)) / order.amount)
  const reverse = share(line.earned) - line.reversed
  if (reverse > 0) {
    line.reversed += reverse
    const earned = book.entries.find((e) => e.orderId === order.id && e.points > 0 && e.kind === 'campaign')
    postEntry(book, {
      id: pc.nextEntryId(),
      kind: 'reversal',
      points: -reverse,
      value: null,
      orderId: order.id,
      transferId: null,
      refundId: refund.id,
      reversesEntryId: earned?.id ?? null,
      reason: 'refund',
      createdAt: tx.createdAt,
      // A reversal of points still pending is pending with them, so the two credit together.
      creditAt: earned && earned.status === 'pending' ? earned.creditAt : tx.createdAt,
      expiresAt: null,
    })
  }
}

import { historyLine } from '../../state/historyLine.js'
import { RailsError } from '../../support/railsError.js'
import { formatTimestamp, nextShanghaiMidnight, shanghaiDay } from '../../support/shanghaiTime.js'
import type { PointsContext } from './pointsContext.js'
import { balanceOf, postEntry } from './pointsLedger.js'
import type { PointsEntryRecord } from './pointsState.js'
import { orderOf, syncPointsBook } from './syncPointsBook.js'

/**
 * Redeems points against one of the wallet's succeeded payments: `points × fenPerPoint` fen, at most
 * what the wallet paid, entered in the points ledger (a refund of the order returns them). Refused
 * with `points_balance_negative` while the balance is below zero, `points_insufficient` beyond the
 * balance, `points_redemption_cap_reached` after `redemptionsPerDay` redemptions this Shanghai day.
 */
export function redeemPoints(
  pc: PointsContext,
  walletId: string,
  input: { orderId: string; points: number },
): PointsEntryRecord {
  const { state, clock } = pc.ctx
  const now = clock.now()
  const book = syncPointsBook(pc, walletId)
  const rules = pc.rules()
  const order = state.orders.get(input.orderId)
  const paidByWallet = (state.transactions.get(walletId) ?? []).some((entry, seq) => {
    const tx = historyLine(state, walletId, seq, entry)
    return tx.kind === 'payment' && tx.reference === input.orderId
  })
  if (!order || !paidByWallet || order.status !== 'succeeded') {
    throw new RailsError(
      'invalid_state',
      `Order ${input.orderId} is not a succeeded payment of this wallet: points are redeemed only against one. Pay the order first, or pass the id of a payment this wallet made.`,
      { orderId: input.orderId, allowed: ['succeeded'] },
    )
  }
  const balance = balanceOf(book)
  if (balance < 0) {
    throw new RailsError(
      'points_balance_negative',
      `The wallet's points balance is ${balance}: a negative balance (points taken back by a refund) blocks redemption. Earn ${-balance} points first.`,
      { balance },
    )
  }
  if (input.points > balance) {
    throw new RailsError(
      'points_insufficient',
      `Redeeming ${input.points} points needs more than the balance of ${balance}. Redeem at most ${balance}.`,
      { balance, points: input.points },
    )
  }
  const day = shanghaiDay(now)
  if (book.redemptions.day !== day) book.redemptions = { day, count: 0 }
  if (book.redemptions.count >= rules.redemptionsPerDay) {
    throw new RailsError(
      'points_redemption_cap_reached',
      `This wallet has redeemed points ${book.redemptions.count} times today, the most a day allows. Try again after ${formatTimestamp(nextShanghaiMidnight(now))}.`,
      { cap: rules.redemptionsPerDay, resetsAt: formatTimestamp(nextShanghaiMidnight(now)) },
    )
  }
  const line = orderOf(book, order.id)
  const paid = order.paidAmount
  const value = input.points * rules.fenPerPoint
  if (line.value + value > paid) {
    throw new RailsError(
      'invalid_request',
      `Invalid request: points: ${input.points} points are worth ${value} fen, more than the ${paid - line.value} fen of order ${order.id} left to redeem against. Redeem fewer points.`,
      { issues: [{ path: 'points', message: 'worth more than the payment' }] },
    )
  }
  book.redemptions.count += 1
  line.redeemed += input.points
  line.value += value
  return postEntry(book, {
    id: pc.nextEntryId(),
    kind: 'redemption',
    points: -input.points,
    value,
    orderId: order.id,
    transferId: null,
    refundId: null,
    reversesEntryId: null,
    reason: null,
    createdAt: now,
    creditAt: now,
    expiresAt: null,
  })
}

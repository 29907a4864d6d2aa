import { RailsError } from '../../support/railsError.js'
import { formatTimestamp, nextShanghaiMidnight, shanghaiDay } from '../../support/shanghaiTime.js'
import { openOrderFor } from './openOrderFor.js'
import type { PointsContext } from './pointsContext.js'
import { fundAvailable } from './pointsFund.js'
import { balanceOf, postEntry } from './pointsLedger.js'
import type { PointsEntryRecord } from './pointsState.js'
import { settleHolds } from './settleHolds.js'
import { orderOf, syncPointsBook } from './syncPointsBook.js'

/**
 * Redeems points against an open order: `points × fenPerPoint` fen of it will be paid from the points
 * fund when this wallet pays it, so the wallet pays that much less and the merchant still gets the
 * whole amount. The points leave the balance now and are held on the order (`order.points`); they
 * come back if the order closes unpaid or another wallet pays it, and in proportion on a refund.
 * Several redemptions against one order add up. Refused with `points_order_not_open`,
 * `points_balance_negative` while the balance is below zero, `points_insufficient` beyond the
 * balance, `points_redemption_cap_reached` after `redemptionsPerDay` redemptions this Shanghai day,
 * `points_exceed_order` beyond what is left of the order, `points_fund_insufficient` beyond what the
 * fund has not already promised.
 */
export function redeemPoints(
  pc: PointsContext,
  walletId: string,
  input: { orderId: string; points: number },
): PointsEntryRecord {
  const now = pc.ctx.clock.now()
  settleHolds(pc)
  const book = syncPointsBook(pc, walletId)
  const rules = pc.rules()
  const order = openOrderFor(pc, walletId, input.orderId)
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
  const value = input.points * rules.fenPerPoint
  const held = order.points?.status === 'held' ? order.points : null
  const left = order.amount - (held?.value ?? 0)
  if (value > left) {
    const maxPoints = Math.floor(left / rules.fenPerPoint)
    throw new RailsError(
      'points_exceed_order',
      `${input.points} points are worth ${value} fen, more than the ${left} fen of order ${order.id} left for points to pay. Redeem at most ${maxPoints} points.`,
      { orderId: order.id, orderAmount: order.amount, left, value, maxPoints },
    )
  }
  const available = fundAvailable(pc)
  if (value > available) {
    throw new RailsError(
      'points_fund_insufficient',
      `The points programme's fund has ${available} fen it has not already promised, less than the ${value} fen these points are worth. Redeem fewer points or pay without them; the programme tops its fund up with POST /v1/points/fund/deposits.`,
      { available, value, maxPoints: Math.floor(available / rules.fenPerPoint) },
    )
  }
  book.redemptions.count += 1
  const line = orderOf(book, order.id)
  line.redeemed += input.points
  line.value += value
  order.points = {
    walletId,
    points: (held?.points ?? 0) + input.points,
    value: (held?.value ?? 0) + value,
    status: 'held',
    returnedValue: 0,
    returnedPoints: 0,
  }
  order.updatedAt = now
  pc.store.pointsHolds.set(order.id, walletId)
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

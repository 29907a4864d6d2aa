/**
 * The points programme's fund: ledger account `points:fund` (kind `budget`), filled from `bank_float`
 * — money the programme's organiser brings in from outside the rails, as a top-up does — and paying
 * each merchant the part of an order its payer paid with points; a refund sends that part back.
 * `reserved` is the value of points held against orders still open, so a redemption never promises
 * money the fund has already promised. Totals: `deposited − paidOut + returned = balance`.
 */
import { moveMoney } from '../../engine/moveMoney.js'
import { bankFloatAccount } from '../../ledger/ledger.js'
import type { PointsContext } from './pointsContext.js'
import type { PointsFundRecord } from './pointsState.js'

export const pointsFundAccount = 'points:fund'

export function fundTotals(pc: PointsContext): PointsFundRecord {
  let totals = pc.store.pointsFund.get('fund')
  if (!totals) {
    totals = { deposited: 0, paidOut: 0, returned: 0 }
    pc.store.pointsFund.set('fund', totals)
  }
  return totals
}

export function fundBalance(pc: PointsContext): number {
  const { ledger } = pc.ctx
  return ledger.has(pointsFundAccount) ? ledger.balanceOf(pointsFundAccount) : 0
}

/** Fen of points held against open orders (settle the holds first). */
export function fundReserved(pc: PointsContext): number {
  let reserved = 0
  for (const orderId of pc.store.pointsHolds.keys()) {
    const hold = pc.ctx.state.orders.get(orderId)?.points
    if (hold?.status === 'held') reserved += hold.value
  }
  return reserved
}

export function fundAvailable(pc: PointsContext): number {
  return fundBalance(pc) - fundReserved(pc)
}

/** `bank_float → points:fund`, one journal entry (`points_funding`). */
export function depositToFund(pc: PointsContext, amount: number, reference: string): void {
  const { ledger } = pc.ctx
  if (!ledger.has(pointsFundAccount)) ledger.openAccount(pointsFundAccount, 'budget')
  moveMoney(pc.ctx, 'points_funding', reference, [
    { account: bankFloatAccount, amount: -amount },
    { account: pointsFundAccount, amount },
  ])
  fundTotals(pc).deposited += amount
}

/** `points:fund → merchant` for an order paid partly with points (`points_payment`). */
export function payFromFund(
  pc: PointsContext,
  orderId: string,
  merchantWalletId: string,
  value: number,
): void {
  moveMoney(pc.ctx, 'points_payment', orderId, [
    { account: pointsFundAccount, amount: -value },
    { walletId: merchantWalletId, amount: value, kind: 'payment' },
  ])
  fundTotals(pc).paidOut += value
}

/** `merchant → points:fund`: a refund's share of the points' value (`points_refund`). */
export function returnToFund(
  pc: PointsContext,
  reference: string,
  merchantWalletId: string,
  value: number,
): void {
  moveMoney(pc.ctx, 'points_refund', reference, [
    { walletId: merchantWalletId, amount: -value, kind: 'refund' },
    { account: pointsFundAccount, amount: value },
  ])
  fundTotals(pc).returned += value
}

import { mulDivFloor } from '@ecny/sdk-core/internal'
import { holderPaid } from '../../engine/payments/holderPaid.js'
import type { PointsPort } from '../../engine/pointsPort.js'
import type { PointsContext } from './pointsContext.js'
import { payFromFund, returnToFund } from './pointsFund.js'
import { returnRedeemedPoints } from './returnRedeemedPoints.js'
import { releaseHeldPoints } from './settleHolds.js'

/**
 * The points ledger as the payment engine sees it ({@link PointsPort}). A refund's share for the fund
 * is cumulative and floored in the holder's favour: after refunds that gave the holder `r` of the
 * `h` fen it paid in all (money and points), the fund has `⌊value × r ÷ h⌋` back and the holder
 * `⌊points × fund back ÷ value⌋` points — so a full refund returns exactly the value and every point.
 */
export function pointsPortOf(pc: PointsContext): PointsPort {
  return {
    valueFor(order, payerWalletId) {
      const hold = order.points
      return hold?.status === 'held' && hold.walletId === payerWalletId ? hold.value : 0
    },
    apply({ order, payerWalletId, merchantWalletId }) {
      const hold = order.points
      if (hold?.status !== 'held') return
      if (hold.walletId !== payerWalletId) {
        releaseHeldPoints(pc, order, 'paid_by_another_wallet')
        return
      }
      payFromFund(pc, order.id, merchantWalletId, hold.value)
      hold.status = 'applied'
      pc.store.pointsHolds.delete(order.id)
    },
    refundShare(order, holderAmount) {
      const hold = order.points
      if (hold?.status !== 'applied' || holderAmount <= 0) return 0
      const paid = holderPaid(order)
      const before = order.refundedAmount - (order.benefit?.clawedBack ?? 0)
      const after = Math.min(paid, before + holderAmount)
      return Math.max(0, mulDivFloor(hold.value, after, paid) - hold.returnedValue)
    },
    applyRefund({ order, value, merchantWalletId, reference }) {
      const hold = order.points!
      returnToFund(pc, reference, merchantWalletId, value)
      hold.returnedValue += value
      const points = mulDivFloor(hold.points, hold.returnedValue, hold.value) - hold.returnedPoints
      hold.returnedPoints += points
      if (points > 0) {
        returnRedeemedPoints(pc, hold.walletId, {
          orderId: order.id,
          points,
          value,
          refundId: reference,
          reason: 'refund',
        })
      }
      return { points, value }
    },
  }
}

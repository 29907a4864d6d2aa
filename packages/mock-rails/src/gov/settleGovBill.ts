import { nextShanghaiMidnight } from '../support/shanghaiTime.js'
import type { GovContext } from './govContext.js'
import type { GovPaymentBillRecord } from './govPaymentState.js'
import { recordGovPayment } from './recordGovPayment.js'

/**
 * Folds the bill's QR orders into it: a paid one becomes a payment (with its e-bill), an expired or
 * closed one is dropped, an open one stays pending. Called before every read or write of the bill,
 * so a QR payment shows up however the bill is next looked at.
 */
export function settleGovBill(gc: GovContext, record: GovPaymentBillRecord): void {
  if (record.pendingOrderIds.length === 0) return
  const still: string[] = []
  for (const orderId of record.pendingOrderIds) {
    const order = gc.engine.getOrder(orderId)
    if (order.paidAt !== null && order.payerWalletId) {
      recordGovPayment(gc, record, {
        orderId,
        walletId: order.payerWalletId,
        amount: order.amount,
        paidAt: Date.parse(order.paidAt),
      })
    } else if (order.status === 'created') still.push(orderId)
  }
  record.pendingOrderIds = still
}

/** Closes the bill's open QR orders (before a wallet payment, so the bill is never paid twice). */
export function closeOpenQrOrders(gc: GovContext, record: GovPaymentBillRecord): void {
  for (const orderId of record.pendingOrderIds) gc.engine.closeOrder(orderId)
  record.pendingOrderIds = []
}

/** Seconds left until midnight Asia/Shanghai, when the late fee may change. */
export const secondsToMidnight = (now: number) =>
  Math.max(1, Math.floor((nextShanghaiMidnight(now) - now) / 1000))

import type { Order, OrderMode, Refund } from '@ecny/protocol'
import { cmbTimeToIso } from './cmbTime.js'
import { orderStatusOf } from './tradeStates.js'

const fenOf = (value: unknown): number => {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : 0
  return Number.isSafeInteger(n) ? n : 0
}
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined

/** What the call knew that CMB does not echo: the mode and goods name of a new order. */
export type OrderHints = {
  mode?: OrderMode | undefined
  description?: string | undefined
  status?: Order['status']
}

/**
 * A CMB order (`biz_content` of a payment or `orderquery` answer) as our `Order`: `tradeState`
 * P/S/F/C/D → processing/succeeded/failed/closed/canceled, amounts integer fen, Beijing times as
 * ISO 8601 (R, 转入退款, → partially_refunded or refunded). `id` is your merchant order number (CMB addresses orders by it); CMB's own number is
 * `cmbOrderId`. A QR order CMB has just created (no `tradeState` yet) is `created`.
 *
 * @example
 * orderFromCmb({ merId: '308…', orderId: 'A-1', txnAmt: '1250', tradeState: 'S' }, {}).status // 'succeeded'
 */
export function orderFromCmb(biz: Record<string, unknown>, hints: OrderHints, now: string): Order {
  const amount = fenOf(biz.txnAmt)
  const refunded = fenOf(biz.refundAmt)
  // R (转入退款), or a paid order (S) that reports a refunded amount: refunded in part or in full.
  const refundedState = refunded >= amount && amount > 0 ? 'refunded' : 'partially_refunded'
  const status =
    hints.status ??
    (biz.tradeState === undefined
      ? 'created'
      : biz.tradeState === 'R' || (biz.tradeState === 'S' && refunded > 0)
        ? refundedState
        : orderStatusOf(biz.tradeState))
  const paid = status === 'succeeded' || status === 'partially_refunded' || status === 'refunded'
  const createdAt = cmbTimeToIso(biz.txnTime) ?? now
  const paidAt = paid ? (cmbTimeToIso(biz.endDate, biz.endTime) ?? createdAt) : null
  const orderId = text(biz.orderId) ?? text(biz.origOrderId) ?? ''
  return {
    id: orderId,
    merchantId: text(biz.merId) ?? '',
    merchantOrderNo: orderId,
    mode: hints.mode ?? 'unknown',
    status,
    amount,
    paidAmount: paid ? amount - fenOf(biz.dscAmt) : 0,
    refundedAmount: refunded,
    currency: 'CNY',
    description: text(biz.body) ?? hints.description ?? '',
    qrPayload: text(biz.qrCode) ?? null,
    failureCode: status === 'failed' ? (text(biz.errCode) ?? 'payment_failed') : null,
    failureMessage: status === 'failed' ? (text(biz.respMsg) ?? null) : null,
    expiresAt: text(biz.orderTimeExpire) ? `${biz.orderTimeExpire}+08:00` : createdAt,
    paidAt,
    createdAt,
    updatedAt: paidAt ?? createdAt,
    ...(text(biz.cmbOrderId) && { cmbOrderId: biz.cmbOrderId }),
    ...(biz.contractResp !== undefined && { contract: biz.contractResp }),
  } as Order
}

const refundStates = { P: 'processing', S: 'succeeded', F: 'failed' } as const

/**
 * A CMB refund (`refund` / `refundquery` answer) as our `Refund`; `id` is your merchant refund number.
 *
 * @example
 * refundFromCmb({ orderId: 'R-1', origOrderId: 'A-1', refundAmt: '300', refundState: 'S' }, now).status
 */
export function refundFromCmb(biz: Record<string, unknown>, now: string, origOrderId?: string): Refund {
  const letter = text(biz.refundState) ?? text(biz.tradeState) ?? 'P'
  const status = Object.hasOwn(refundStates, letter)
    ? refundStates[letter as keyof typeof refundStates]
    : 'unknown'
  const createdAt = cmbTimeToIso(biz.txnTime) ?? now
  const refundNo = text(biz.orderId) ?? ''
  return {
    id: refundNo,
    orderId: text(biz.origOrderId) ?? origOrderId ?? '',
    merchantRefundNo: refundNo,
    amount: fenOf(biz.refundAmt),
    benefitClawback: 0,
    status,
    reason: text(biz.refundReason) ?? null,
    createdAt,
    succeededAt: status === 'succeeded' ? (cmbTimeToIso(biz.endDate, biz.endTime) ?? createdAt) : null,
    ...(text(biz.cmbOrderId) && { cmbRefundId: biz.cmbOrderId }),
  } as Refund
}

/** Where CMB put the day's statement file (`statementurl`). */
export type CmbStatement = { date: string; merchantId: string; url: string }

export function statementFromCmb(biz: Record<string, unknown>, date: string): CmbStatement {
  return {
    date,
    merchantId: text(biz.merId) ?? '',
    url: text(biz.fileUrl) ?? text(biz.billFileUrl) ?? text(biz.url) ?? '',
  }
}

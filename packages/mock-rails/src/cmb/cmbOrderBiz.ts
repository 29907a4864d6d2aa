import { formatCmbTime, tradeStateOf } from '@ecny/operator-cmb'
import type { Order, Refund } from '@ecny/protocol'
import type { CmbOrderRecord } from './cmbDoorState.js'

const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : undefined)

/** An engine order as CMB's order fields (`tradeState` P/S/F/C/D, amounts as fen strings, Beijing times). */
export function cmbOrderBiz(
  order: Order,
  record: CmbOrderRecord | undefined,
  merId: string,
): Record<string, unknown> {
  const paidAt = ms(order.paidAt)
  const expires = ms(order.expiresAt)
  return {
    merId,
    orderId: order.merchantOrderNo,
    cmbOrderId: order.id,
    txnAmt: String(order.amount),
    currencyCode: '156',
    payType: 'EC',
    tradeState: tradeStateOf(order.status),
    txnTime: formatCmbTime(ms(order.createdAt)!, 'compact'),
    body: order.description,
    ...(paidAt !== undefined && {
      endDate: formatCmbTime(paidAt, 'date'),
      endTime: formatCmbTime(paidAt, 'compact').slice(8),
    }),
    ...(order.qrPayload && { qrCode: order.qrPayload }),
    ...(expires !== undefined && { orderTimeExpire: formatCmbTime(expires, 'iso') }),
    dscAmt: String(order.paidAmount > 0 ? order.amount - order.paidAmount : 0),
    // Beyond the spec's fields (CMB: "返回的报文参数可能会超过接口中定义的范围"); the SDK tolerates them.
    refundAmt: String(order.refundedAmount),
    ...(order.status === 'failed' && order.failureCode && { errCode: order.failureCode }),
    ...(record?.contract && { contractResp: record.contract }),
  }
}

const refundLetter = { processing: 'P', succeeded: 'S', failed: 'F' } as Record<string, string>

/** An engine refund as CMB's refund fields. */
export function cmbRefundBiz(refund: Refund, origOrderId: string, merId: string): Record<string, unknown> {
  const done = ms(refund.succeededAt)
  return {
    merId,
    orderId: refund.merchantRefundNo,
    cmbOrderId: refund.id,
    origOrderId,
    refundAmt: String(refund.amount),
    refundState: refundLetter[refund.status] ?? 'P',
    txnTime: formatCmbTime(ms(refund.createdAt)!, 'compact'),
    ...(done !== undefined && {
      endDate: formatCmbTime(done, 'date'),
      endTime: formatCmbTime(done, 'compact').slice(8),
    }),
  }
}

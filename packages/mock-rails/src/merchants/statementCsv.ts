import { statementColumns } from '@ecny/sdk-core/internal'
import type { OrderRecord, RefundRecord } from '../state/records.js'
import { formatTimestamp, shanghaiDate } from '../support/shanghaiTime.js'

function field(value: string | number | null): string {
  const text = value === null ? '' : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * The daily statement of one merchant: a header of `statementColumns`, then one row per order created
 * and per refund made on `date` (Asia/Shanghai), oldest first, with their state now. On refund rows the
 * `merchantOrderNo` column carries the merchant refund number. Lines end with `\n`.
 */
export function statementCsv(
  merchantId: string,
  date: string,
  orders: Iterable<OrderRecord>,
  refunds: Iterable<RefundRecord>,
): string {
  const ordersById = new Map<string, OrderRecord>()
  const rows: Array<{ at: number; line: string }> = []
  for (const order of orders) {
    if (order.merchantId !== merchantId) continue
    ordersById.set(order.id, order)
    if (shanghaiDate(order.createdAt) !== date) continue
    const values = {
      recordType: 'order',
      id: order.id,
      merchantOrderNo: order.merchantOrderNo,
      orderId: order.id,
      mode: order.mode,
      status: order.status,
      amount: order.amount,
      refundedAmount: order.refundedAmount,
      payerWalletId: order.payerWalletId,
      occurredAt: formatTimestamp(order.createdAt),
    }
    rows.push({
      at: order.createdAt,
      line: statementColumns.map((column) => field(values[column])).join(','),
    })
  }
  for (const refund of refunds) {
    const order = ordersById.get(refund.orderId)
    if (!order || shanghaiDate(refund.createdAt) !== date) continue
    const values = {
      recordType: 'refund',
      id: refund.id,
      merchantOrderNo: refund.merchantRefundNo,
      orderId: refund.orderId,
      mode: order.mode,
      status: refund.status,
      amount: refund.amount,
      refundedAmount: 0,
      payerWalletId: order.payerWalletId,
      occurredAt: formatTimestamp(refund.createdAt),
    }
    rows.push({
      at: refund.createdAt,
      line: statementColumns.map((column) => field(values[column])).join(','),
    })
  }
  rows.sort((a, b) => a.at - b.at)
  return `${statementColumns.join(',')}\n${rows.map((row) => `${row.line}\n`).join('')}`
}

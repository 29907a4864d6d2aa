import { statementColumns } from '@ecny/protocol'
import type { MerchantDay } from '../engine/merchantDays.js'
import { formatTimestamp } from '../support/shanghaiTime.js'

type Row = Record<(typeof statementColumns)[number], string | number | null>

function field(value: string | number | null): string {
  const text = value === null ? '' : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * The daily statement of one merchant: a header of `statementColumns`, then one row per order created
 * and per refund made that day (Asia/Shanghai), oldest first, with their state now. On refund rows the
 * `merchantOrderNo` column carries the merchant refund number. Lines end with `\n`.
 */
export function statementCsv(day: MerchantDay): string {
  const rows: Array<{ at: number; values: Row }> = []
  for (const order of day.orders) {
    rows.push({
      at: order.createdAt,
      values: {
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
      },
    })
  }
  for (const { refund, order } of day.refunds) {
    rows.push({
      at: refund.createdAt,
      values: {
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
      },
    })
  }
  rows.sort((a, b) => a.at - b.at)
  const lines = rows.map(
    (row) => `${statementColumns.map((column) => field(row.values[column])).join(',')}\n`,
  )
  return `${statementColumns.join(',')}\n${lines.join('')}`
}

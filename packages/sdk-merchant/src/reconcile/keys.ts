import type { MerchantRecord, StatementRow } from './types.js'

/**
 * The merchant's number for a row: the merchant order number of an order, the merchant refund number
 * of a refund.
 *
 * @example
 * merchantNoOf({ recordType: 'refund', merchantRefundNo: 'R-1', amount: 100, status: 'succeeded' }) // 'R-1'
 */
export function merchantNoOf(row: StatementRow | MerchantRecord): string {
  return row.recordType === 'order' ? row.merchantOrderNo : row.merchantRefundNo
}

/**
 * The join key of a row: record type plus merchant number, so an order and a refund that share a
 * number never meet.
 *
 * @example
 * reconcileKey({ recordType: 'order', merchantOrderNo: 'M-1', amount: 100, status: 'succeeded' }) // 'o:M-1'
 */
export function reconcileKey(row: StatementRow | MerchantRecord): string {
  return row.recordType === 'order' ? `o:${row.merchantOrderNo}` : `r:${row.merchantRefundNo}`
}

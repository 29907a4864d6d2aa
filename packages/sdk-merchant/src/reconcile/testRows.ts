/** Row builders for tests (not exported from the package). */
import type { MerchantRecord, StatementRow } from './types.js'

/**
 * A succeeded order row of the statement for merchant order `no`.
 *
 * @example
 * orderRow('M-1', { status: 'closed' })
 */
export function orderRow(
  no: string,
  overrides: Partial<Omit<StatementRow, 'recordType'>> = {},
): StatementRow {
  return {
    recordType: 'order',
    id: `ord_${no}`,
    merchantOrderNo: no,
    orderId: `ord_${no}`,
    mode: 'qr',
    status: 'succeeded',
    amount: 1000,
    refundedAmount: 0,
    payerWalletId: '0021000000000001',
    occurredAt: '2025-01-01T10:00:00+08:00',
    ...overrides,
  } as StatementRow
}

/** A succeeded refund row of the statement for merchant refund `no`. */
export function refundRow(
  no: string,
  overrides: Partial<Omit<StatementRow, 'recordType'>> = {},
): StatementRow {
  return {
    recordType: 'refund',
    id: `rfd_${no}`,
    merchantRefundNo: no,
    orderId: 'ord_1',
    mode: 'qr',
    status: 'succeeded',
    amount: 300,
    refundedAmount: 0,
    payerWalletId: null,
    occurredAt: '2025-01-01T11:00:00+08:00',
    ...overrides,
  } as StatementRow
}

/** The merchant's succeeded record for merchant order `no`. */
export function orderRecord(
  no: string,
  overrides: Partial<Omit<MerchantRecord, 'recordType'>> = {},
): MerchantRecord {
  return {
    recordType: 'order',
    merchantOrderNo: no,
    amount: 1000,
    status: 'succeeded',
    ...overrides,
  } as MerchantRecord
}

/** The merchant's succeeded record for merchant refund `no`. */
export function refundRecord(
  no: string,
  overrides: Partial<Omit<MerchantRecord, 'recordType'>> = {},
): MerchantRecord {
  return {
    recordType: 'refund',
    merchantRefundNo: no,
    amount: 300,
    status: 'succeeded',
    ...overrides,
  } as MerchantRecord
}

/** Collects an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

/** The text of chunks (a formatter's output), joined. */
export async function joinText(chunks: AsyncIterable<string> | Iterable<string>): Promise<string> {
  let all = ''
  for await (const chunk of chunks) all += chunk
  return all
}

import { InvalidRequestError } from '@ecny/sdk-core'
import type { MerchantRecord, StatementRow } from './types.js'

const merchantStatuses = new Set(['succeeded', 'failed', 'unknown', 'pending'])

function fail(side: string, index: number, row: { line?: number | undefined }, problem: string): never {
  const where = row.line === undefined ? `${side} row ${index}` : `${side} row ${index} (line ${row.line})`
  throw new InvalidRequestError('invalid_request', `${where}: ${problem}`, {
    hint: 'Rows given to reconcile must have integer fen amounts and a record type of order or refund.',
    details: { side, index, line: row.line, problem },
  })
}

function checkCommon(side: string, index: number, row: StatementRow | MerchantRecord): void {
  if (row.recordType === 'order') {
    if (typeof row.merchantOrderNo !== 'string' || row.merchantOrderNo.length === 0) {
      fail(side, index, row, 'merchantOrderNo must be a non-empty string')
    }
  } else if (row.recordType === 'refund') {
    if (typeof row.merchantRefundNo !== 'string' || row.merchantRefundNo.length === 0) {
      fail(side, index, row, 'merchantRefundNo must be a non-empty string')
    }
  } else {
    fail(
      side,
      index,
      row,
      `recordType must be order or refund, got ${JSON.stringify((row as { recordType: unknown }).recordType)}`,
    )
  }
  if (!Number.isSafeInteger(row.amount) || row.amount < 0) {
    fail(side, index, row, `amount must be integer fen, got ${String(row.amount)}`)
  }
}

/**
 * Checks a statement row handed to `reconcile` (parsed rows always pass): record type, merchant
 * number, integer fen amounts. `index` is 1-based, for the message.
 *
 * @example
 * checkStatementRow({ ...row, amount: 12.5 }, 3) // throws: statement row 3: amount must be integer fen, got 12.5
 */
export function checkStatementRow(row: StatementRow, index: number): void {
  checkCommon('statement', index, row)
  if (typeof row.status !== 'string') fail('statement', index, row, 'status must be a string')
}

/**
 * Checks a merchant record handed to `reconcile`: record type, merchant number, integer fen amount,
 * and a status of `succeeded`, `failed`, `unknown` or `pending`.
 *
 * @example
 * checkMerchantRecord({ ...record, status: 'paid' as never }, 1) // throws invalid_request
 */
export function checkMerchantRecord(record: MerchantRecord, index: number): void {
  checkCommon('merchant', index, record)
  if (!merchantStatuses.has(record.status)) {
    fail(
      'merchant',
      index,
      record,
      `status must be succeeded, failed, unknown or pending, got ${JSON.stringify(record.status)}`,
    )
  }
}

/**
 * Columns of the daily statement CSV, in order. The first line of the file is this header.
 * Amounts are integer fen; `status` is the order or refund's state at the cut-off.
 */
export const statementColumns = [
  'recordType',
  'id',
  'merchantOrderNo',
  'orderId',
  'mode',
  'status',
  'amount',
  'refundedAmount',
  'payerWalletId',
  'occurredAt',
] as const
export type StatementColumn = (typeof statementColumns)[number]

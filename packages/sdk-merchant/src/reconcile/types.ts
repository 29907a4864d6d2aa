/**
 * Shapes shared by the statement parser, the reconciler and the report writers.
 *
 * Keys: a row is identified by its record type plus the merchant's own number for it — the merchant
 * order number for an order, the merchant refund number for a refund. An order `A1` and a refund `A1`
 * are different keys.
 */
import type { orderStatuses } from '@ecny/protocol'

/** Whether a row is a payment (order) or a refund. */
export type RecordType = 'order' | 'refund'

/**
 * Gateway states a statement row can carry at the cut-off. Newer gateways may send others; those are
 * kept verbatim (see {@link StatementRow.status}) and treated as "not final yet".
 */
export type GatewayStatus = (typeof orderStatuses)[number]

/** Fields every statement row has, whatever its record type. */
interface StatementRowBase {
  /** The gateway's id of the order (order rows) or of the refund (refund rows). */
  id: string
  /** The gateway's order id; on a refund row, the order the refund belongs to. */
  orderId: string
  /** Payment mode (`qr`, `payment_code`, `sub_wallet`, `app`, …), verbatim. */
  mode: string
  /** State at the cut-off; unrecognised values are kept as they came. */
  status: GatewayStatus | (string & {})
  /** Integer fen: the order amount, or the refund amount. */
  amount: number
  /** Integer fen refunded so far (order rows; 0 on refund rows unless the gateway says otherwise). */
  refundedAmount: number
  /** The payer's wallet id, or `null` when the statement leaves it empty. */
  payerWalletId: string | null
  /** ISO 8601 time of the order or refund, verbatim. */
  occurredAt: string
  /** 1-based line number in the source file, when the row was parsed from one. */
  line?: number | undefined
}

/** A payment row of the gateway's daily statement. */
export interface StatementOrderRow extends StatementRowBase {
  recordType: 'order'
  /** The merchant order number (CSV column `merchantOrderNo`). */
  merchantOrderNo: string
}

/**
 * A refund row of the gateway's daily statement. In the CSV the merchant refund number sits in the
 * `merchantOrderNo` column; parsed rows name it for what it is.
 */
export interface StatementRefundRow extends StatementRowBase {
  recordType: 'refund'
  /** The merchant refund number (CSV column `merchantOrderNo` on refund rows). */
  merchantRefundNo: string
}

/** One row of the gateway's daily statement. */
export type StatementRow = StatementOrderRow | StatementRefundRow

/**
 * The merchant's own view of an order or refund:
 * `succeeded` / `failed` are final; `unknown` (a call timed out) and `pending` (not final when the
 * merchant exported) both mean "we do not know yet".
 */
export type MerchantStatus = 'succeeded' | 'failed' | 'unknown' | 'pending'

interface MerchantRecordBase {
  /** Integer fen. */
  amount: number
  status: MerchantStatus
  /** The gateway order id the merchant stored, if any; compared with the statement when present. */
  orderId?: string | undefined
  /** 1-based line number in the source file, when the record was parsed from one. */
  line?: number | undefined
}

/** The merchant's record of an order. */
export interface MerchantOrderRecord extends MerchantRecordBase {
  recordType: 'order'
  merchantOrderNo: string
}

/** The merchant's record of a refund. */
export interface MerchantRefundRecord extends MerchantRecordBase {
  recordType: 'refund'
  merchantRefundNo: string
}

/** One record from the merchant's own books. */
export type MerchantRecord = MerchantOrderRecord | MerchantRefundRecord

/**
 * Where a key ends up. Exactly one per key; see `docs/reconciliation.md` for the precedence.
 * Names follow the bank-side DCITS check statuses.
 */
export type ReconcileCategory =
  | 'matched'
  | 'duplicate'
  | 'merchant_only'
  | 'gateway_only'
  | 'gateway_processing'
  | 'merchant_unknown'
  | 'merchant_succeeded_gateway_failed'
  | 'merchant_failed_gateway_succeeded'
  | 'amount_mismatch'

/** All categories, most urgent first; reports and tables list them in this order. */
export const reconcileCategories: readonly ReconcileCategory[] = [
  'merchant_succeeded_gateway_failed',
  'merchant_failed_gateway_succeeded',
  'amount_mismatch',
  'duplicate',
  'gateway_only',
  'merchant_only',
  'merchant_unknown',
  'gateway_processing',
  'matched',
]

/** A field on which the two sides disagree. */
export interface FieldDifference {
  field: 'amount' | 'orderId'
  statement: string | number
  merchant: string | number
}

/**
 * The outcome for one key. `statementRows` and `merchantRecords` hold every input row with that key
 * (zero, one, or several on each side), so each input row appears in exactly one entry.
 */
export interface ReconcileEntry {
  category: ReconcileCategory
  recordType: RecordType
  /** The merchant order number (orders) or merchant refund number (refunds). */
  merchantNo: string
  /**
   * Integer fen at stake: the gateway's amount when the statement has the key (summed over its rows
   * for a duplicate), else the merchant's (summed likewise).
   */
  amountFen: number
  /** Fields that differ between a statement row and a merchant record (pairs only; may be empty). */
  differences: FieldDifference[]
  statementRows: StatementRow[]
  merchantRecords: MerchantRecord[]
}

/** Per-category totals. `count` counts entries (keys); the row counts say how many input rows each took. */
export interface CategoryTotal {
  count: number
  /** Integer fen, summed over the entries' `amountFen`. */
  amountFen: number
  statementRows: number
  merchantRows: number
}

/** Totals of a finished run. */
export interface ReconcileSummary {
  /** Input rows read from each side. */
  inputRows: { statement: number; merchant: number }
  totals: Record<ReconcileCategory, CategoryTotal>
  /** Entries in every category but `matched`. */
  discrepancies: number
  /** `memory`: joined in one hash table; `partitioned`: spilled to temp files and joined part by part. */
  strategy: 'memory' | 'partitioned'
}

/** A finished run with its discrepancies in memory (see `reconcileToReport`). */
export interface ReconcileReport {
  summary: ReconcileSummary
  discrepancies: ReconcileEntry[]
}

/** Anything the parsers and the reconciler read from. */
export type RowSource<T> = AsyncIterable<T> | Iterable<T>

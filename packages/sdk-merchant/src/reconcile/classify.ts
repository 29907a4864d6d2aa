import { merchantNoOf } from './keys.js'
import type {
  FieldDifference,
  MerchantRecord,
  ReconcileCategory,
  ReconcileEntry,
  StatementRow,
} from './types.js'

/** Gateway states that mean the money moved (a refunded order was paid first). */
const gatewaySucceeded = new Set<string>(['succeeded', 'refunding', 'partially_refunded', 'refunded'])
/** Gateway states that mean no money moved and none will. */
const gatewayFailed = new Set<string>(['failed', 'closed', 'canceled'])

/**
 * Where the gateway stands: `succeeded`, `failed`, or `pending` for anything not final at the cut-off
 * (`created`, `processing`, and any state this SDK does not know yet).
 *
 * @example
 * gatewayOutcome('partially_refunded') // 'succeeded'
 * gatewayOutcome('closed')             // 'failed'
 */
export function gatewayOutcome(status: string): 'succeeded' | 'failed' | 'pending' {
  if (gatewaySucceeded.has(status)) return 'succeeded'
  if (gatewayFailed.has(status)) return 'failed'
  return 'pending'
}

/**
 * Fields on which a statement row and a merchant record disagree: the amount always, the gateway
 * order id when the merchant stored one.
 *
 * @example
 * fieldDifferences(statementRow, { ...record, amount: record.amount + 1 }) // [{ field: 'amount', … }]
 */
export function fieldDifferences(statement: StatementRow, merchant: MerchantRecord): FieldDifference[] {
  const differences: FieldDifference[] = []
  if (statement.amount !== merchant.amount) {
    differences.push({ field: 'amount', statement: statement.amount, merchant: merchant.amount })
  }
  if (merchant.orderId !== undefined && merchant.orderId !== statement.orderId) {
    differences.push({ field: 'orderId', statement: statement.orderId, merchant: merchant.orderId })
  }
  return differences
}

/**
 * The category of a key seen exactly once on each side. First rule that applies wins:
 * 1. `gateway_processing` — the gateway is not final yet: nothing else can be judged.
 * 2. `merchant_unknown` — the merchant says `unknown`/`pending`; the statement has the answer.
 * 3. `merchant_succeeded_gateway_failed`, 4. `merchant_failed_gateway_succeeded` — final states disagree.
 * 5. `amount_mismatch` — states agree but the amount (or the stored gateway order id) differs.
 * 6. `matched`.
 *
 * @example
 * pairCategory({ ...row, status: 'closed' }, { ...record, status: 'succeeded' }) // 'merchant_succeeded_gateway_failed'
 */
export function pairCategory(statement: StatementRow, merchant: MerchantRecord): ReconcileCategory {
  return categorizePair(
    statement.status,
    statement.amount,
    statement.orderId,
    merchant.status,
    merchant.amount,
    merchant.orderId,
  )
}

/**
 * {@link pairCategory} on the compared fields alone, for callers that have not built row objects.
 *
 * @example
 * categorizePair('succeeded', 100, 'ord_1', 'succeeded', 100, undefined) // 'matched'
 */
export function categorizePair(
  gatewayStatus: string,
  gatewayAmount: number,
  gatewayOrderId: string,
  merchantStatus: string,
  merchantAmount: number,
  merchantOrderId: string | undefined,
): ReconcileCategory {
  const gateway = gatewayOutcome(gatewayStatus)
  if (gateway === 'pending') return 'gateway_processing'
  if (merchantStatus === 'unknown' || merchantStatus === 'pending') return 'merchant_unknown'
  if (merchantStatus === 'succeeded' && gateway === 'failed') return 'merchant_succeeded_gateway_failed'
  if (merchantStatus === 'failed' && gateway === 'succeeded') return 'merchant_failed_gateway_succeeded'
  if (gatewayAmount !== merchantAmount) return 'amount_mismatch'
  if (merchantOrderId !== undefined && merchantOrderId !== gatewayOrderId) return 'amount_mismatch'
  return 'matched'
}

/**
 * The category of every row sharing one key. A key seen more than once on either side is a
 * `duplicate` (all its rows, both sides, go there: which copy is the real one is for a person to
 * decide); a key on one side only is `gateway_only` or `merchant_only`; a pair goes by
 * {@link pairCategory}.
 *
 * @example
 * groupCategory([row], [])           // 'gateway_only'
 * groupCategory([row], [rec, rec2])  // 'duplicate'
 */
export function groupCategory(
  statement: readonly StatementRow[],
  merchant: readonly MerchantRecord[],
): ReconcileCategory {
  if (statement.length > 1 || merchant.length > 1) return 'duplicate'
  if (merchant.length === 0) return 'gateway_only'
  if (statement.length === 0) return 'merchant_only'
  return pairCategory(statement[0]!, merchant[0]!)
}

function sumAmounts(rows: readonly { amount: number }[]): number {
  let total = 0
  for (const row of rows) total += row.amount
  return total
}

/**
 * The entry for one key: its category, the amount at stake (the gateway's when the statement has the
 * key, else the merchant's; summed over the rows of a duplicate), the differing fields of a pair, and
 * every row of the key.
 *
 * @example
 * buildEntry([row], [record]).category // 'matched'
 */
export function buildEntry(
  statement: StatementRow[],
  merchant: MerchantRecord[],
  category: ReconcileCategory = groupCategory(statement, merchant),
): ReconcileEntry {
  const first = statement[0] ?? merchant[0]
  if (first === undefined) throw new TypeError('buildEntry needs at least one row')
  return {
    category,
    recordType: first.recordType,
    merchantNo: merchantNoOf(first),
    amountFen: statement.length > 0 ? sumAmounts(statement) : sumAmounts(merchant),
    differences:
      statement.length === 1 && merchant.length === 1 ? fieldDifferences(statement[0]!, merchant[0]!) : [],
    statementRows: statement,
    merchantRecords: merchant,
  }
}

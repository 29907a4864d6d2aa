import { buildEntry, pairCategory } from './classify.js'
import type {
  CategoryTotal,
  MerchantRecord,
  ReconcileCategory,
  ReconcileEntry,
  StatementRow,
} from './types.js'

/** Totals being filled in, and whether matched keys are wanted as entries. */
export interface Tally {
  totals: Record<ReconcileCategory, CategoryTotal>
  includeMatched: boolean
}

/**
 * Counts a key seen once on each side in its category, with the gateway's amount.
 *
 * @example
 * countPair('matched', 1000, tally)
 */
export function countPair(category: ReconcileCategory, gatewayAmount: number, tally: Tally): void {
  const total = tally.totals[category]
  total.count++
  total.amountFen += gatewayAmount
  total.statementRows++
  total.merchantRows++
}

/**
 * Classifies one key seen once on each side, counts it, and returns its entry when the caller wants
 * it (a discrepancy, or any key with `includeMatched`). The common case, kept allocation-free for
 * matched keys.
 *
 * @example
 * const entry = tallyPair(row, record, { totals: emptyTotals(), includeMatched: false }) // undefined when matched
 */
export function tallyPair(
  statement: StatementRow,
  merchant: MerchantRecord,
  tally: Tally,
): ReconcileEntry | undefined {
  const category = pairCategory(statement, merchant)
  countPair(category, statement.amount, tally)
  return category !== 'matched' || tally.includeMatched
    ? buildEntry([statement], [merchant], category)
    : undefined
}

/**
 * Classifies the rows of one key (any number on each side, at least one in all), counts them, and
 * returns the entry when the caller wants it.
 *
 * @example
 * tallyGroup([row], [], tally)?.category // 'gateway_only'
 */
export function tallyGroup(
  statement: StatementRow[],
  merchant: MerchantRecord[],
  tally: Tally,
): ReconcileEntry | undefined {
  if (statement.length === 1 && merchant.length === 1) return tallyPair(statement[0]!, merchant[0]!, tally)
  const entry = buildEntry(statement, merchant)
  const total = tally.totals[entry.category]
  total.count++
  total.amountFen += entry.amountFen
  total.statementRows += statement.length
  total.merchantRows += merchant.length
  return entry.category !== 'matched' || tally.includeMatched ? entry : undefined
}

import { type CategoryTotal, type ReconcileCategory, reconcileCategories } from './types.js'

/**
 * Zeroed totals for every category, in report order.
 *
 * @example
 * emptyTotals().matched // { count: 0, amountFen: 0, statementRows: 0, merchantRows: 0 }
 */
export function emptyTotals(): Record<ReconcileCategory, CategoryTotal> {
  const totals = {} as Record<ReconcileCategory, CategoryTotal>
  for (const category of reconcileCategories) {
    totals[category] = { count: 0, amountFen: 0, statementRows: 0, merchantRows: 0 }
  }
  return totals
}

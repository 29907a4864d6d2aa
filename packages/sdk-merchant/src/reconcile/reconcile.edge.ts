import { nodeOnly } from '../internal/nodeOnly.js'
// Type-only (erased from the bundle): the same types as on Node.
import type { ReconcileOptions, ReconcileRun } from './reconcile.js'
import type { MerchantRecord, ReconcileReport, RowSource, StatementRow } from './types.js'

export type { ReconcileOptions, ReconcileRun } from './reconcile.js'

const instead = 'Reconcile from a Node job: the run partitions and spills rows to a temporary directory.'

/**
 * The edge build's `reconcile`: the run spills its partitions to disk, and edge runtimes have none,
 * so this stand-in throws `unsupported_runtime`. Parsing and formatting CSV work on edge.
 *
 * @example
 * reconcile(statementRows, merchantRecords) // throws unsupported_runtime on edge
 */
export function reconcile(
  _statement: RowSource<StatementRow>,
  _merchant: RowSource<MerchantRecord>,
  _options: ReconcileOptions = {},
): ReconcileRun {
  throw nodeOnly('reconcile', instead)
}

/**
 * The edge build's `reconcileToReport`: rejects with `unsupported_runtime` (see {@link reconcile}).
 *
 * @example
 * await reconcileToReport(statementRows, merchantRecords) // rejects with unsupported_runtime on edge
 */
export async function reconcileToReport(
  _statement: RowSource<StatementRow>,
  _merchant: RowSource<MerchantRecord>,
  _options: ReconcileOptions = {},
): Promise<ReconcileReport> {
  throw nodeOnly('reconcileToReport', instead)
}

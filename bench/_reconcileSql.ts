/**
 * The reconciliation rules of docs/reconciliation.md written in SQL for DuckDB, so the bench can
 * compare the SDK with what a data engineer would run on the same two files. Bench and tests only:
 * `@duckdb/node-api` is a root devDependency, never a dependency of a package.
 */
import type { CategoryTotal, ReconcileCategory } from '../packages/sdk-merchant/src/reconcile/types.js'

/** The nine categories, in the order the rules apply. */
export const categories = [
  'duplicate',
  'gateway_only',
  'merchant_only',
  'gateway_processing',
  'merchant_unknown',
  'merchant_succeeded_gateway_failed',
  'merchant_failed_gateway_succeeded',
  'amount_mismatch',
  'matched',
] as const satisfies readonly ReconcileCategory[]

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`
const paid = `('succeeded', 'refunding', 'partially_refunded', 'refunded')`
const notPaid = `('failed', 'closed', 'canceled')`

/**
 * One query: both files read with their columns declared, grouped per key (record type + merchant
 * number; an empty record type on the merchant side is `order`, an empty order id is none), joined
 * with a full outer join, classified by the rules (first match wins), totalled per category. The
 * amount of a key is the gateway's (summed over its rows) when the statement has it, else the
 * merchant's.
 */
export function reconcileSql(statement: string, records: string): string {
  return `
WITH s AS (
  SELECT recordType AS t, merchantOrderNo AS k, count(*) AS n, sum(amount) AS total,
         any_value(status) AS status, any_value(amount) AS amount, any_value(orderId) AS order_id
  FROM read_csv(${literal(statement)}, header = true, auto_detect = false, columns = {
    'recordType': 'VARCHAR', 'id': 'VARCHAR', 'merchantOrderNo': 'VARCHAR', 'orderId': 'VARCHAR',
    'mode': 'VARCHAR', 'status': 'VARCHAR', 'amount': 'BIGINT', 'refundedAmount': 'BIGINT',
    'payerWalletId': 'VARCHAR', 'occurredAt': 'VARCHAR'})
  GROUP BY ALL),
m AS (
  SELECT coalesce(recordType, 'order') AS t, merchantOrderNo AS k, count(*) AS n, sum(amount) AS total,
         any_value(status) AS status, any_value(amount) AS amount, any_value(orderId) AS order_id
  FROM read_csv(${literal(records)}, header = true, auto_detect = false, columns = {
    'recordType': 'VARCHAR', 'merchantOrderNo': 'VARCHAR', 'orderId': 'VARCHAR', 'amount': 'BIGINT',
    'status': 'VARCHAR'})
  GROUP BY ALL),
keyed AS (
  SELECT CASE
      WHEN coalesce(s.n, 0) > 1 OR coalesce(m.n, 0) > 1 THEN 'duplicate'
      WHEN m.k IS NULL THEN 'gateway_only'
      WHEN s.k IS NULL THEN 'merchant_only'
      WHEN s.status NOT IN ${paid} AND s.status NOT IN ${notPaid} THEN 'gateway_processing'
      WHEN m.status IN ('unknown', 'pending') THEN 'merchant_unknown'
      WHEN m.status = 'succeeded' AND s.status IN ${notPaid} THEN 'merchant_succeeded_gateway_failed'
      WHEN m.status = 'failed' AND s.status IN ${paid} THEN 'merchant_failed_gateway_succeeded'
      WHEN s.amount <> m.amount OR (m.order_id IS NOT NULL AND m.order_id <> s.order_id) THEN 'amount_mismatch'
      ELSE 'matched'
    END AS category,
    coalesce(s.total, m.total) AS amount, coalesce(s.n, 0) AS statement_rows, coalesce(m.n, 0) AS merchant_rows
  FROM s FULL OUTER JOIN m ON s.t = m.t AND s.k = m.k)
SELECT category, count(*)::DOUBLE AS count, sum(amount)::DOUBLE AS amount,
       sum(statement_rows)::DOUBLE AS statement_rows, sum(merchant_rows)::DOUBLE AS merchant_rows
FROM keyed GROUP BY category`
}

/**
 * Runs {@link reconcileSql} in an in-memory DuckDB with `threads` threads and returns the totals
 * per category, shaped like the SDK's `summary.totals`.
 *
 * @example
 * const totals = await duckdbTotals('statement.csv', 'records.csv', 2)
 * totals.matched.count
 */
export async function duckdbTotals(
  statement: string,
  records: string,
  threads: number,
): Promise<Record<ReconcileCategory, CategoryTotal>> {
  const { DuckDBInstance } = await import('@duckdb/node-api')
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) })
  const connection = await instance.connect()
  try {
    const result = await connection.runAndReadAll(reconcileSql(statement, records))
    const totals = Object.fromEntries(
      categories.map((category) => [category, { count: 0, amountFen: 0, statementRows: 0, merchantRows: 0 }]),
    ) as Record<ReconcileCategory, CategoryTotal>
    for (const row of result.getRowObjects()) {
      totals[row.category as ReconcileCategory] = {
        count: Number(row.count),
        amountFen: Number(row.amount),
        statementRows: Number(row.statement_rows),
        merchantRows: Number(row.merchant_rows),
      }
    }
    return totals
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}

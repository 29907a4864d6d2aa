import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { duckdbTotals } from '../../bench/_reconcileSql.js'
import {
  formatMerchantRecordsCsv,
  formatStatementCsv,
  parseMerchantRecordsCsv,
  parseStatementCsv,
  reconcile,
} from '../../packages/sdk-merchant/src/reconcile/index.js'
import {
  collect,
  orderRecord,
  orderRow,
  refundRecord,
  refundRow,
} from '../../packages/sdk-merchant/src/reconcile/testRows.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecny-duckdb-test-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const no = fc.constantFrom('M1', 'M2', 'M3', 'M4')
const statementSpec = fc.record({
  no,
  refund: fc.boolean(),
  amount: fc.nat({ max: 3 }),
  status: fc.constantFrom('succeeded', 'closed', 'processing', 'refunded', 'failed', 'created'),
  orderId: fc.constantFrom('o1', 'o2'),
})
const merchantSpec = fc.record({
  no,
  refund: fc.boolean(),
  amount: fc.nat({ max: 3 }),
  status: fc.constantFrom('succeeded', 'failed', 'unknown', 'pending'),
  orderId: fc.constantFrom(undefined, 'o1', 'o2'),
})

describe('the bench SQL (DuckDB) and the SDK', () => {
  it('agree category by category on small generated files (counts, amounts, rows)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(statementSpec, { maxLength: 10 }),
        fc.array(merchantSpec, { maxLength: 10 }),
        async (statementSpecs, merchantSpecs) => {
          const statement = join(dir, 's.csv')
          const records = join(dir, 'r.csv')
          const rows = statementSpecs.map((s) =>
            (s.refund ? refundRow : orderRow)(s.no, {
              amount: s.amount,
              status: s.status,
              orderId: s.orderId,
            }),
          )
          const recs = merchantSpecs.map((m) =>
            (m.refund ? refundRecord : orderRecord)(m.no, {
              amount: m.amount,
              status: m.status,
              orderId: m.orderId,
            }),
          )
          const statementText = (await collect(formatStatementCsv(rows))).join('')
          const recordsText = (await collect(formatMerchantRecordsCsv(recs))).join('')
          await writeFile(statement, statementText)
          await writeFile(records, recordsText)
          const sdk = await reconcile(
            parseStatementCsv([statementText]),
            parseMerchantRecordsCsv([recordsText]),
          ).done()
          expect(await duckdbTotals(statement, records, 2)).toEqual(sdk.totals)
        },
      ),
      { numRuns: 25 },
    )
  }, 60_000)
})

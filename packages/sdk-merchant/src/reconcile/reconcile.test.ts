import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reconcile, reconcileToReport } from './reconcile.js'
import { collect, orderRecord, orderRow, refundRecord, refundRow } from './testRows.js'
import type { MerchantRecord, ReconcileCategory, ReconcileEntry, StatementRow } from './types.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecny-reconcile-test-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const kinds = [
  'matched',
  'merchant_only',
  'gateway_only',
  'amount_mismatch',
  'merchant_succeeded_gateway_failed',
  'merchant_failed_gateway_succeeded',
  'merchant_unknown',
  'gateway_processing',
  'duplicate',
] as const satisfies readonly ReconcileCategory[]

/** Rows for one key built to land in `kind`; `line` numbers tag every row uniquely. */
function rowsFor(
  kind: ReconcileCategory,
  no: string,
  refund: boolean,
  amount: number,
  variant: number,
  tag: () => number,
) {
  const row = (o: Parameters<typeof orderRow>[1]) =>
    (refund ? refundRow : orderRow)(no, { amount, line: tag(), ...o })
  const rec = (o: Parameters<typeof orderRecord>[1]) =>
    (refund ? refundRecord : orderRecord)(no, { amount, line: tag(), ...o })
  const statement: StatementRow[] = []
  const merchant: MerchantRecord[] = []
  const failed = refund ? 'failed' : 'closed'
  switch (kind) {
    case 'matched':
      statement.push(row(variant % 2 ? { status: failed } : {}))
      merchant.push(rec(variant % 2 ? { status: 'failed' } : {}))
      break
    case 'merchant_only':
      merchant.push(rec({ status: variant % 2 ? 'failed' : 'succeeded' }))
      break
    case 'gateway_only':
      statement.push(row({ status: variant % 2 ? 'processing' : 'succeeded' }))
      break
    case 'amount_mismatch':
      statement.push(row({}))
      merchant.push(variant % 2 ? rec({ amount: amount + 1 }) : rec({ orderId: 'someone-else' }))
      break
    case 'merchant_succeeded_gateway_failed':
      statement.push(row({ status: failed, amount: amount + variant }))
      merchant.push(rec({}))
      break
    case 'merchant_failed_gateway_succeeded':
      statement.push(row({ status: variant % 2 ? 'refunded' : 'succeeded' }))
      merchant.push(rec({ status: 'failed' }))
      break
    case 'merchant_unknown':
      statement.push(row({ status: variant % 2 ? failed : 'succeeded' }))
      merchant.push(rec({ status: variant % 3 ? 'unknown' : 'pending' }))
      break
    case 'gateway_processing':
      statement.push(row({ status: variant % 2 ? 'created' : 'processing' }))
      merchant.push(rec({ status: variant % 3 ? 'unknown' : 'succeeded' }))
      break
    case 'duplicate':
      statement.push(row({}))
      if (variant % 3 !== 1) statement.push(row({}))
      if (variant % 3 !== 0) merchant.push(rec({}), rec({}))
      break
  }
  return { statement, merchant }
}

const scenario = fc.record({
  keys: fc.array(
    fc.record({
      kind: fc.constantFrom(...kinds),
      refund: fc.boolean(),
      amount: fc.nat({ max: 10_000_000 }),
      variant: fc.nat({ max: 5 }),
    }),
    { maxLength: 40 },
  ),
  statementOrder: fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
  merchantOrder: fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
})

type ScenarioInput = typeof scenario extends fc.Arbitrary<infer T> ? T : never

function shuffle<T>(items: T[], random: Iterator<number>): T[] {
  return items
    .map((item) => ({ item, sort: random.next().value as number }))
    .sort((a, b) => a.sort - b.sort)
    .map(({ item }) => item)
}

async function* slowly<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item
}

async function checkScenario(input: ScenarioInput, memoryRows: number, partitions: number, tempDir = dir) {
  let tag = 0
  const expected = new Map<string, ReconcileCategory>()
  const statement: StatementRow[] = []
  const merchant: MerchantRecord[] = []
  input.keys.forEach((key, i) => {
    const no = `K${i}`
    expected.set(`${key.refund ? 'refund' : 'order'}:${no}`, key.kind)
    const rows = rowsFor(key.kind, no, key.refund, key.amount, key.variant, () => ++tag)
    statement.push(...rows.statement)
    merchant.push(...rows.merchant)
  })
  const run = reconcile(
    slowly(shuffle(statement, input.statementOrder[Symbol.iterator]())),
    shuffle(merchant, input.merchantOrder[Symbol.iterator]()),
    { includeMatched: true, memoryRows, partitions, tempDir },
  )
  const entries: ReconcileEntry[] = await collect(run)
  const summary = await run.summary

  // Every key found in the category it was built for.
  expect(new Map(entries.map((e) => [`${e.recordType}:${e.merchantNo}`, e.category]))).toEqual(expected)
  // Every input row in exactly one entry.
  const seen = entries.flatMap((e) => [...e.statementRows, ...e.merchantRecords].map((row) => row.line))
  expect(seen.sort((a, b) => a! - b!)).toEqual(Array.from({ length: tag }, (_, i) => i + 1))
  // Totals add up to the inputs and agree with the entries.
  expect(summary.inputRows).toEqual({ statement: statement.length, merchant: merchant.length })
  let statementRows = 0
  let merchantRows = 0
  for (const [category, total] of Object.entries(summary.totals)) {
    const mine = entries.filter((e) => e.category === category)
    expect(total).toEqual({
      count: mine.length,
      amountFen: mine.reduce((sum, e) => sum + e.amountFen, 0),
      statementRows: mine.reduce((sum, e) => sum + e.statementRows.length, 0),
      merchantRows: mine.reduce((sum, e) => sum + e.merchantRecords.length, 0),
    })
    statementRows += total.statementRows
    merchantRows += total.merchantRows
  }
  expect([statementRows, merchantRows]).toEqual([statement.length, merchant.length])
  expect(summary.discrepancies).toBe(entries.filter((e) => e.category !== 'matched').length)
  return summary
}

describe('reconcile', () => {
  it('puts every row in exactly one category and finds every injected mismatch (in memory)', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (input) => {
        expect((await checkScenario(input, 1_000_000, 64)).strategy).toBe('memory')
      }),
      { numRuns: 100 },
    )
  }, 20_000)

  it('gives the same answer when spilling to temp files, re-partitioning too-big partitions', async () => {
    const own = await mkdtemp(join(dir, 'spill-'))
    await fc.assert(
      fc.asyncProperty(
        scenario,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 2, max: 4 }),
        async (input, memoryRows, partitions) => {
          const summary = await checkScenario(input, memoryRows, partitions, own)
          const rows = summary.inputRows.statement + summary.inputRows.merchant
          expect(summary.strategy).toBe(rows > memoryRows ? 'partitioned' : 'memory')
          expect(await readdir(own)).toEqual([])
        },
      ),
      { numRuns: 40 },
    )
  }, 30_000)

  it('yields only discrepancies unless asked for matched keys', async () => {
    const report = await reconcileToReport(
      [orderRow('A'), orderRow('B', { status: 'closed' })],
      [orderRecord('A'), orderRecord('B')],
    )
    expect(report.discrepancies.map((e) => [e.merchantNo, e.category])).toEqual([
      ['B', 'merchant_succeeded_gateway_failed'],
    ])
    expect(report.summary.totals.matched).toEqual({
      count: 1,
      amountFen: 1000,
      statementRows: 1,
      merchantRows: 1,
    })
    expect(report.summary.discrepancies).toBe(1)
  })

  it('done() runs to the end and returns the totals; a run is iterated once', async () => {
    const run = reconcile([orderRow('A')], [])
    expect((await run.done()).totals.gateway_only.count).toBe(1)
    expect(() => run[Symbol.asyncIterator]()).toThrow('a reconcile run can be iterated only once')
  })

  it('rejects the summary when iteration stops early', async () => {
    const run = reconcile([orderRow('A'), orderRow('B')], [])
    for await (const _ of run) break
    await expect(run.summary).rejects.toThrow('reconcile stopped before the end')
  })

  it('deletes its temp files when an input fails half way', async () => {
    async function* failing() {
      for (let i = 0; i < 20; i++) yield orderRow(`M${i}`)
      throw new Error('disk on fire')
    }
    const own = await mkdtemp(join(dir, 'failing-'))
    const run = reconcile(failing(), [orderRecord('M1')], { memoryRows: 3, tempDir: own })
    await expect(run.done()).rejects.toThrow('disk on fire')
    await expect(run.summary).rejects.toThrow('disk on fire')
    expect(await readdir(own)).toEqual([])
  })

  it('refuses rows whose amounts are not integer fen, and bad options', async () => {
    await expect(reconcile([orderRow('A', { amount: 10.5 })], []).done()).rejects.toMatchObject({
      code: 'invalid_request',
      shortMessage: 'statement row 1: amount must be integer fen, got 10.5',
    })
    await expect(
      reconcile([], [orderRecord('A'), orderRecord('B', { status: 'paid' as never, line: 9 })]).done(),
    ).rejects.toThrow(
      'merchant row 2 (line 9): status must be succeeded, failed, unknown or pending, got "paid"',
    )
    await expect(reconcile([{ ...orderRow('A'), recordType: 'x' } as never], []).done()).rejects.toThrow(
      'recordType must be order or refund',
    )
    expect(() => reconcile([], [], { memoryRows: 0 })).toThrow('memoryRows must be a positive integer')
    expect(() => reconcile([], [], { partitions: 1 })).toThrow('partitions must be an integer from 2 to 1024')
  })
})

import { createReadStream } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatMerchantRecordsCsv, formatStatementCsv } from '../formatCsv.js'
import { joinText, orderRecord, orderRow, refundRecord, refundRow } from '../testRows.js'
import { emptyTotals } from '../totals.js'
import type { MerchantRecord, StatementRow } from '../types.js'
import { type CsvRunSettings, reconcileCsv } from './reconcileCsv.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecny-csv-run-test-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/**
 * `n` keys in every category, shuffled by a stride; `occurredAt` gives each statement row its time
 * (kept verbatim: a field that may hold a line break).
 */
function sides(n: number, occurredAt: (i: number) => string = () => '2025-01-01T10:00:00+08:00') {
  const statement: StatementRow[] = []
  const merchant: MerchantRecord[] = []
  for (let k = 0; k < n; k++) {
    const i = (k * 7919) % n
    const no = `M${String(i).padStart(7, '0')}`
    const refund = i % 10 === 9
    const amount = 100 + ((i * 31) % 9000)
    const row = (status: string) =>
      refund
        ? refundRow(no, {
            amount,
            status,
            occurredAt: occurredAt(i),
            orderId: `ord_${i}`,
          } as Partial<StatementRow>)
        : orderRow(no, { amount, status, occurredAt: occurredAt(i) } as Partial<StatementRow>)
    const kind = i % 12
    if (kind !== 1) statement.push(row(kind === 3 ? 'closed' : kind === 6 ? 'processing' : 'succeeded'))
    if (kind === 7) statement.push(statement[statement.length - 1]!)
    const status = kind === 4 ? 'failed' : kind === 5 ? 'unknown' : 'succeeded'
    const fen = kind === 2 ? amount + 1 : amount
    if (kind !== 0 || i % 24 !== 0)
      merchant.push(
        refund ? refundRecord(no, { amount: fen, status }) : orderRecord(no, { amount: fen, status }),
      )
    if (kind === 8) merchant.push(merchant[merchant.length - 1]!)
  }
  return { statement, merchant }
}

async function write(name: string, chunks: AsyncIterable<string> | Iterable<string>): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, await joinText(chunks))
  return path
}

type Run = { report: string; summary?: string; error?: string; events: string[] }

/** A run over two files: the report text (or the entries as JSON), the totals and what happened. */
async function run(statement: string, records: string, settings: Partial<CsvRunSettings>): Promise<Run> {
  const events: string[] = []
  const totals = emptyTotals()
  const inputRows = { statement: 0, merchant: 0 }
  const batches = reconcileCsv(
    { source: createReadStream(statement), options: { name: 's.csv' } },
    { source: createReadStream(records), options: { name: 'r.csv' } },
    {
      memoryRows: 2_500_000,
      memoryBytes: 64 * 2 ** 20,
      partitions: 256,
      threads: 2,
      tempDir: dir,
      includeMatched: false,
      totals,
      inputRows,
      text: { json: true, csv: true },
      trace: (event) => events.push(event),
      ...settings,
    },
  )
  let report = ''
  try {
    for (let next = await batches.next(); ; next = await batches.next()) {
      if (next.done) {
        return { report, summary: JSON.stringify({ totals, inputRows, spilled: next.value }), events }
      }
      const batch = next.value
      report += Array.isArray(batch)
        ? JSON.stringify(batch)
        : `${Buffer.from(batch.json).toString()}\n${Buffer.from(batch.csv).toString()}`
    }
  } catch (error) {
    return { report, error: (error as Error).message, events }
  }
}

describe('reconcileCsv on two threads', () => {
  it('reads the rest of a big statement on the main thread; the report is one thread’s, lines and all', async () => {
    // About 12 MiB of statement: the main thread, done with the records first, takes its end.
    const { statement, merchant } = sides(120_000)
    const s = await write('big-s.csv', formatStatementCsv(statement))
    const m = await write('big-m.csv', formatMerchantRecordsCsv(merchant))
    const one = await run(s, m, { threads: 1 })
    expect(one.error).toBeUndefined()
    expect(one.report).toContain('"line":')
    for (const settings of [{}, { text: undefined, memoryRows: 50_000 }]) {
      const reference = settings.text === undefined ? await run(s, m, { ...settings, threads: 1 }) : one
      const two = await run(s, m, settings)
      expect(two.events).toContain('tail')
      expect(two.events).toContain('worker')
      expect(two.report).toBe(reference.report)
      expect(two.summary).toBe(reference.summary)
    }
  }, 120_000)

  it('fails with one thread’s error wherever in a split statement the bad line is', async () => {
    const { statement, merchant } = sides(120_000)
    const lines = (await joinText(formatStatementCsv(statement))).split('\n')
    const m = await write('err-m.csv', formatMerchantRecordsCsv(merchant))
    for (const at of [100, lines.length - 300]) {
      const bad = [...lines]
      bad[at] = 'order,oops'
      const s = await write('err-s.csv', [bad.join('\n')])
      const one = await run(s, m, { threads: 1 })
      expect(one.error).toMatch(/line/)
      const two = await run(s, m, {})
      expect({ report: two.report, error: two.error }).toEqual({ report: one.report, error: one.error })
    }
  }, 120_000)

  it('quoted records: kept as text across threads; a split inside one is read again on one thread', async () => {
    // The last field spans two lines, the second of one character.
    const multiLine = (i: number) => `${'t'.repeat(150)}\n${i % 7}`
    // A few records span two lines: the split falls between records, the worker joins them too.
    const sparse = sides(120_000, (i) => (i % 97 === 0 ? multiLine(i) : '2025-01-01T10:00:00+08:00'))
    // Every record does: the split almost surely falls inside one (both outcomes give one report).
    const dense = sides(60_000, multiLine)
    for (const [name, { statement, merchant }, split] of [
      ['sparse', sparse, true],
      ['dense', dense, false],
    ] as const) {
      const s = await write(`${name}-s.csv`, formatStatementCsv(statement))
      const m = await write(`${name}-m.csv`, formatMerchantRecordsCsv(merchant))
      const one = await run(s, m, { threads: 1 })
      expect(one.error).toBeUndefined()
      const two = await run(s, m, {})
      expect(two.report).toBe(one.report)
      expect(two.summary).toBe(one.summary)
      if (split) expect(two.events).toContain('tail')
    }
  }, 120_000)
})

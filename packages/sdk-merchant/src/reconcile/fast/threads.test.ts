import { createReadStream } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatMerchantRecordsCsv, formatStatementCsv } from '../formatCsv.js'
import { parseMerchantRecordsCsv } from '../parseMerchantRecordsCsv.js'
import { parseStatementCsv } from '../parseStatementCsv.js'
import { type ReconcileOptions, reconcile } from '../reconcile.js'
import { toJsonChunks } from '../report/toJson.js'
import { joinText, orderRecord, orderRow, refundRecord, refundRow } from '../testRows.js'
import type { MerchantRecord, StatementRow } from '../types.js'
import { scanInWorker, scanWorkerFile } from './scanInWorker.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecny-threads-test-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Key `i` of `n`, in one of every category (duplicates on either side), shuffled by a stride. */
function sides(n: number): { statement: StatementRow[]; merchant: MerchantRecord[] } {
  const statement: StatementRow[] = []
  const merchant: MerchantRecord[] = []
  for (let k = 0; k < n; k++) {
    const i = (k * 7919) % n
    const no = `M${String(i).padStart(6, '0')}`
    const refund = i % 10 === 9
    const amount = 100 + ((i * 31) % 9000)
    const row = (status: string) =>
      refund
        ? refundRow(no, { amount, status, orderId: `ord_${i}` } as Partial<StatementRow>)
        : orderRow(no, { amount, status } as Partial<StatementRow>)
    const record = (status: MerchantRecord['status'], fen = amount) =>
      refund
        ? refundRecord(no, { amount: fen, status, orderId: `ord_${i}` })
        : orderRecord(no, { amount: fen, status, orderId: `ord_${no}` })
    const kind = i % 12
    if (kind !== 1) statement.push(row(kind === 3 ? 'closed' : kind === 6 ? 'processing' : 'succeeded'))
    if (kind === 2) merchant.push(record('succeeded', amount + 1))
    else if (kind === 4) merchant.push(record('failed'))
    else if (kind === 5) merchant.push(record(i % 2 === 0 ? 'unknown' : 'pending'))
    else if (kind !== 0 || i % 24 !== 0) merchant.push(record(kind === 3 ? 'succeeded' : 'succeeded'))
    if (kind === 7) statement.push(statement[statement.length - 1]!)
    if (kind === 8) merchant.push(merchant[merchant.length - 1]!)
  }
  // A quoted field takes the parsers' slow path (its text is kept, not re-read from the file).
  statement.push(orderRow('M,quoted', { amount: 5 }))
  return { statement, merchant }
}

async function write(name: string, chunks: AsyncIterable<string> | Iterable<string>): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, await joinText(chunks))
  return path
}

async function report(statement: string, records: string, options: ReconcileOptions): Promise<string> {
  const run = reconcile(
    parseStatementCsv(createReadStream(statement)),
    parseMerchantRecordsCsv(createReadStream(records)),
    { includeMatched: true, ...options },
  )
  let text = ''
  for await (const chunk of toJsonChunks(run, run.summary)) text += chunk
  return text
}

describe('reconcile over two files on two threads', () => {
  it('finds the worker beside the sources and reads a side on it', async () => {
    expect(scanWorkerFile()?.file).toMatch(/scanWorker\.ts$/)
    const { statement } = sides(600)
    const path = await write('w.csv', formatStatementCsv(statement))
    const lines: number[] = []
    const result = await scanInWorker(
      {
        side: 'statement',
        path,
        name: 'w.csv',
        maxLineLength: 1 << 20,
        partitions: 16,
        memoryBytes: 1 << 20,
        memoryRows: 100,
        tempDir: dir,
      },
      (line) => lines.push(line),
    )!.result
    expect(result?.records).toBe(statement.length)
    expect(result?.contents.spilled).toBe(true)
    expect(lines.at(-1)).toBe(statement.length + 1)
  })

  it('writes the same report as one thread, in memory and spilled', async () => {
    const { statement, merchant } = sides(3000)
    const s = await write('s.csv', formatStatementCsv(statement))
    const m = await write('m.csv', formatMerchantRecordsCsv(merchant))
    const one = await report(s, m, { threads: 1 })
    const summary = JSON.parse(one.slice(one.lastIndexOf('"summary": ') + 11).replace(/\}\s*$/, ''))
    for (const total of Object.values(summary.totals) as { count: number }[])
      expect(total.count).toBeGreaterThan(0)
    expect(await report(s, m, { threads: 2 })).toBe(one)
    const spilledOne = await report(s, m, { threads: 1, memoryRows: 500 })
    expect(spilledOne).toContain('"strategy": "partitioned"')
    expect(await report(s, m, { threads: 2, memoryRows: 500 })).toBe(spilledOne)
  })

  it('reports one thread’s strategy, whatever each thread held', async () => {
    const { statement, merchant } = sides(4000)
    const s = await write('strategy-s.csv', formatStatementCsv(statement))
    const m = await write('strategy-m.csv', formatMerchantRecordsCsv(merchant.slice(0, 1000)))
    const rows = statement.length + 1000
    const strategy = async (options: ReconcileOptions) => {
      const run = reconcile(
        parseStatementCsv(createReadStream(s)),
        parseMerchantRecordsCsv(createReadStream(m)),
        {
          ...options,
        },
      )
      return (await run.done()).strategy
    }
    // The worker's half of the rows would spill the statement: one thread's budget does not.
    expect(await strategy({ threads: 1, memoryRows: rows + 10 })).toBe('memory')
    expect(await strategy({ threads: 2, memoryRows: rows + 10 })).toBe('memory')
    expect(await strategy({ threads: 1, memoryRows: rows - 10 })).toBe('partitioned')
    expect(await strategy({ threads: 2, memoryRows: rows - 10 })).toBe('partitioned')
  })

  it('fails with the same error as one thread when the statement is bad', async () => {
    const { statement, merchant } = sides(300)
    const good = (await joinText(formatStatementCsv(statement))).split('\n')
    good[150] = 'order,oops'
    const s = await write('bad-s.csv', [good.join('\n')])
    const m = await write('bad-m.csv', formatMerchantRecordsCsv(merchant))
    const one = await report(s, m, { threads: 1 }).catch((error: Error) => error)
    const two = await report(s, m, { threads: 2 }).catch((error: Error) => error)
    expect(one).toBeInstanceOf(Error)
    expect(two).toEqual(one)
    expect((two as Error).message).toBe((one as Error).message)
  })
})

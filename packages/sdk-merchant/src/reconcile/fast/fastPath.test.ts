import { createReadStream } from 'node:fs'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readLineBatches } from '../csv/readLines.js'
import { formatMerchantRecordsCsv, formatStatementCsv } from '../formatCsv.js'
import { parseMerchantRecordsCsv } from '../parseMerchantRecordsCsv.js'
import { parseStatementCsv } from '../parseStatementCsv.js'
import { reconcile } from '../reconcile.js'
import { collect, orderRecord, orderRow, refundRecord, refundRow } from '../testRows.js'
import type { MerchantRecord, ReconcileEntry, ReconcileSummary, StatementRow } from '../types.js'
import { LineChunker } from './lineChunker.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecny-fast-test-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

type Outcome = { lines: string[] } | { error: string; line: unknown }

async function textLines(chunks: (Uint8Array | string)[]): Promise<Outcome> {
  try {
    const lines: string[] = []
    for await (const batch of readLineBatches(chunks, 'f.csv')) lines.push(...batch)
    return { lines }
  } catch (error) {
    return { error: (error as Error).message, line: (error as { details?: { line?: number } }).details?.line }
  }
}

function byteLines(chunks: (Uint8Array | string)[]): Outcome {
  try {
    const chunker = new LineChunker('f.csv')
    const lines: string[] = []
    const take = (blocks: Buffer[]) => {
      const text = blocks.map((block) => block.toString('utf8')).join('')
      const parts = text.split('\n')
      parts.pop()
      chunker.lines += parts.length
      for (const part of parts) lines.push(part.endsWith('\r') ? part.slice(0, -1) : part)
    }
    for (const chunk of chunks) take(chunker.push(chunk))
    take(chunker.end())
    return { lines }
  } catch (error) {
    return { error: (error as Error).message, line: (error as { details?: { line?: number } }).details?.line }
  }
}

const piece = fc.constantFrom(
  'a',
  ',',
  '\n',
  '\r\n',
  '\r',
  '订',
  '😀',
  '"',
  '\uFEFF',
  [0xff],
  [0xe8, 0xae],
  [0xed, 0xa0, 0x80],
  [0xc0, 0xaf],
  [0xf0, 0x9f],
)

describe('LineChunker', () => {
  it('cuts bytes into the same lines, with the same errors, as the text reader', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.array(fc.boolean(), { maxLength: 7 }),
        async (pieces, cuts, asString) => {
          const bytes = Buffer.concat(
            pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p as number[]))),
          )
          const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b)
          const chunks: (Uint8Array | string)[] = [0, ...points].map((start, i) => {
            const part = bytes.subarray(start, [...points, bytes.length][i])
            // A string chunk only where the bytes are whole characters (as a caller would give text).
            const text = part.toString('utf8')
            return asString[i] && Buffer.from(text).equals(part) ? text : Uint8Array.from(part)
          })
          expect(byteLines(chunks)).toEqual(await textLines(chunks))
        },
      ),
      { numRuns: 400 },
    )
  })

  it('refuses a line longer than the limit like the text reader', async () => {
    const long = [`a\n${'x'.repeat((1 << 20) + 1)}`, 'y\n']
    expect(byteLines(long)).toEqual(await textLines(long))
    expect(byteLines(long)).toMatchObject({ line: 2 })
  })
})

const field = fc.oneof(
  fc.constantFrom('M1', 'M2', 'R1', 'A,B', 'say "hi"', 'two\nlines', '订单', ''),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }),
)
const statementSpec = fc.record({
  no: field,
  refund: fc.boolean(),
  amount: fc.nat({ max: 5 }),
  status: fc.constantFrom('succeeded', 'closed', 'processing', 'refunded', 'failed', '状态'),
  orderId: fc.constantFrom('o1', 'o2', 'o,3'),
})
const merchantSpec = fc.record({
  no: field,
  refund: fc.boolean(),
  amount: fc.nat({ max: 5 }),
  status: fc.constantFrom('succeeded', 'failed', 'unknown', 'pending'),
  orderId: fc.constantFrom(undefined, 'o1', 'o2', 'o,3'),
})

function sortEntries(entries: ReconcileEntry[]) {
  return entries
    .map((entry) => JSON.stringify(entry))
    .sort()
    .map((text) => JSON.parse(text))
}

/** The text as bytes, cut in two at `cut`. */
function cutBytes(text: string, cut: number): Buffer[] {
  const all = Buffer.from(text)
  const at = cut % (all.length + 1)
  return [all.subarray(0, at), all.subarray(at)]
}

async function viaObjects(
  statement: string,
  records: string,
  includeMatched: boolean,
  cut = 0,
): Promise<{ entries: unknown[]; summary: Omit<ReconcileSummary, 'strategy'> } | string> {
  try {
    // Wrapped, the parsers are read row by row (the object path), in reconcile's order.
    async function* rows<T>(parsed: AsyncIterable<T>) {
      yield* parsed
    }
    const run = reconcile(
      rows(parseStatementCsv(cutBytes(statement, cut), { name: 's.csv' })),
      rows(parseMerchantRecordsCsv(cutBytes(records, cut), { name: 'r.csv' })),
      { includeMatched },
    )
    const entries = await collect(run)
    const { strategy, ...summary } = await run.summary
    return { entries: sortEntries(entries), summary }
  } catch (error) {
    return (error as Error).message
  }
}

async function viaBytes(
  statement: string,
  records: string,
  includeMatched: boolean,
  memoryRows: number | undefined,
  cut: number,
) {
  const bytes = (text: string) => cutBytes(text, cut)
  try {
    const own = await mkdtemp(join(dir, 'run-'))
    const run = reconcile(
      parseStatementCsv(bytes(statement), { name: 's.csv' }),
      parseMerchantRecordsCsv(bytes(records), { name: 'r.csv' }),
      { includeMatched, memoryRows, partitions: 3, tempDir: own },
    )
    try {
      const entries = await collect(run)
      const { strategy, ...summary } = await run.summary
      return { entries: sortEntries(entries), summary }
    } finally {
      expect(await readdir(own)).toEqual([])
    }
  } catch (error) {
    return (error as Error).message
  }
}

async function viaFiles(
  statement: string,
  records: string,
  includeMatched: boolean,
  memoryRows: number | undefined,
) {
  const own = await mkdtemp(join(dir, 'files-'))
  const work = await mkdtemp(join(dir, 'work-'))
  try {
    await writeFile(join(own, 's.csv'), statement)
    await writeFile(join(own, 'r.csv'), records)
    const run = reconcile(
      parseStatementCsv(createReadStream(join(own, 's.csv')), { name: 's.csv' }),
      parseMerchantRecordsCsv(createReadStream(join(own, 'r.csv')), { name: 'r.csv' }),
      { includeMatched, memoryRows, partitions: 3, tempDir: work },
    )
    try {
      const entries = await collect(run)
      const { strategy, ...summary } = await run.summary
      return { entries: sortEntries(entries), summary }
    } finally {
      expect(await readdir(work)).toEqual([])
    }
  } catch (error) {
    return (error as Error).message
  } finally {
    await rm(own, { recursive: true, force: true })
    await rm(work, { recursive: true, force: true })
  }
}

type Spec<A> = A extends fc.Arbitrary<infer T> ? T : never

const build = {
  statement: (spec: Spec<typeof statementSpec>): StatementRow =>
    (spec.refund ? refundRow : orderRow)(spec.no, {
      amount: spec.amount,
      status: spec.status,
      orderId: spec.orderId,
    }),
  merchant: (spec: Spec<typeof merchantSpec>): MerchantRecord =>
    (spec.refund ? refundRecord : orderRecord)(spec.no, {
      amount: spec.amount,
      status: spec.status,
      orderId: spec.orderId,
    }),
}

/** Corrupts a CSV text at one spot (to compare errors). */
function corrupt(text: string, at: number, what: string): string {
  const i = at % (text.length + 1)
  return text.slice(0, i) + what + text.slice(i)
}

describe('reconcile from CSV bytes', () => {
  it('gives the same entries, totals and errors as reconciling the parsed rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(statementSpec, { maxLength: 12 }),
        fc.array(merchantSpec, { maxLength: 12 }),
        fc.boolean(),
        fc.constantFrom(undefined, 1, 3),
        fc.nat(),
        fc.option(fc.tuple(fc.nat(), fc.constantFrom(',', '"', 'x', '\n', '\r\n', '.5', '-', '\uFEFF')), {
          nil: undefined,
        }),
        async (statementSpecs, merchantSpecs, includeMatched, memoryRows, cut, damage) => {
          let statement = (await collect(formatStatementCsv(statementSpecs.map(build.statement)))).join('')
          let records = (await collect(formatMerchantRecordsCsv(merchantSpecs.map(build.merchant)))).join('')
          if (damage !== undefined) {
            if (damage[0] % 2) statement = corrupt(statement, damage[0], damage[1])
            else records = corrupt(records, damage[0], damage[1])
          }
          const expected = await viaObjects(statement, records, includeMatched, cut)
          expect(await viaBytes(statement, records, includeMatched, memoryRows, cut)).toEqual(expected)
        },
      ),
      { numRuns: 150, timeout: 5000 },
    )
  }, 30_000)

  it('from files (lines kept as positions and read again): the same entries, totals and errors', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(statementSpec, { maxLength: 12 }),
        fc.array(merchantSpec, { maxLength: 12 }),
        fc.boolean(),
        fc.constantFrom(undefined, 1, 3),
        fc.constantFrom('', '\uFEFF'),
        fc.option(fc.tuple(fc.nat(), fc.constantFrom(',', '"', 'x', '\n', '\r\n', '.5', '\uFEFF')), {
          nil: undefined,
        }),
        async (statementSpecs, merchantSpecs, includeMatched, memoryRows, bom, damage) => {
          let statement =
            bom + (await collect(formatStatementCsv(statementSpecs.map(build.statement)))).join('')
          let records = (await collect(formatMerchantRecordsCsv(merchantSpecs.map(build.merchant)))).join('')
          if (damage !== undefined) {
            if (damage[0] % 2) statement = corrupt(statement, damage[0], damage[1])
            else records = corrupt(records, damage[0], damage[1])
          }
          // Last line without its line end, CRLF elsewhere: offsets must still point at each line.
          statement = statement.replace(/\n$/, '')
          records = records.replaceAll('\n', '\r\n')
          const expected = await viaObjects(statement, records, includeMatched)
          expect(await viaFiles(statement, records, includeMatched, memoryRows)).toEqual(expected)
        },
      ),
      { numRuns: 80, timeout: 5000 },
    )
  }, 30_000)

  it('reads CRLF files, a byte-order mark, blank lines and extra columns', async () => {
    const statement =
      '\uFEFFrecordType,id,merchantOrderNo,orderId,mode,status,amount,refundedAmount,payerWalletId,occurredAt,x\r\n' +
      '\r\norder,o1,M1,o1,qr,succeeded,100,0,,t,1\r\norder,o2,M2,o2,qr,closed,5,0,,t,2\r\n'
    const records = 'note,merchantOrderNo,amount,status\r\nhi,M1,100,succeeded\r\n\r\n,M2,5,succeeded'
    expect(await viaBytes(statement, records, true, undefined, 7)).toEqual(
      await viaObjects(statement, records, true, 7),
    )
  })

  it('uses the byte path only for parsers not yet read; a claimed parser cannot be read', async () => {
    const text = 'merchantOrderNo,amount,status\nM1,1,succeeded\n'
    const statementText =
      'recordType,id,merchantOrderNo,orderId,mode,status,amount,refundedAmount,payerWalletId,occurredAt\norder,o,M1,o,qr,succeeded,1,0,,t\n'
    const records = parseMerchantRecordsCsv([text])
    const statement = parseStatementCsv([statementText])
    const run = reconcile(statement, records)
    expect((await run.done()).totals.matched.count).toBe(1)
    await expect(collect(records)).rejects.toThrow('handed to reconcile')
    // Started parsers are read as rows.
    const started = parseMerchantRecordsCsv([text])
    const first = await started.next()
    expect(first.value).toMatchObject({ merchantOrderNo: 'M1' })
    const summary = await reconcile(parseStatementCsv([statementText]), started).done()
    expect(summary.totals.gateway_only.count).toBe(1)
  })
})

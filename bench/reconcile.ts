/**
 * Reconciliation at volume. Generates a statement and the merchant's records (1M rows each, ~1% of
 * every kind of mismatch, seeded, the two sides shuffled differently) into temp files, then measures
 * (a) the baseline — reading the two files and splitting them into lines — and (b) `reconcile` end to
 * end from the files, in a child process so its peak RSS is its own. Checks that every injected
 * mismatch was found in its category, and fails loudly otherwise.
 *
 * `RECONCILE_SCALES=1,2,4 pnpm bench reconcile` also prints wall time and peak RSS at 1M/2M/4M rows.
 * Run directly with `--child statement.csv records.csv` it is the child: it reconciles the two files
 * and prints `{ wallS, peakRssMb, summary }` as JSON; with `--generate DIR ROWS` it only writes the files.
 */
import { execFile } from 'node:child_process'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import {
  formatMerchantRecordsCsv,
  formatStatementCsv,
} from '../packages/sdk-merchant/src/reconcile/formatCsv.js'
import { parseMerchantRecordsCsv } from '../packages/sdk-merchant/src/reconcile/parseMerchantRecordsCsv.js'
import { parseStatementCsv } from '../packages/sdk-merchant/src/reconcile/parseStatementCsv.js'
import { reconcile } from '../packages/sdk-merchant/src/reconcile/reconcile.js'
import type {
  MerchantRecord,
  ReconcileCategory,
  ReconcileSummary,
  StatementRow,
} from '../packages/sdk-merchant/src/reconcile/types.js'

const million = 1_000_000
const seed = 20250101

/** Mismatch kinds injected, 1% of keys each; every other key matches. */
const injected = [
  'merchant_only',
  'gateway_only',
  'amount_mismatch',
  'merchant_succeeded_gateway_failed',
  'merchant_failed_gateway_succeeded',
  'merchant_unknown',
  'gateway_processing',
  'duplicate',
] as const satisfies readonly ReconcileCategory[]

function mix(i: number): number {
  let h = Math.imul(i ^ seed, 0x9e3779b1)
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  return h >>> 0
}

/** The category key `i` is generated to land in. */
function kindOf(i: number): ReconcileCategory {
  const slot = mix(i) % 100
  return slot < injected.length ? injected[slot]! : 'matched'
}

function mulberry32(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function shuffled(n: number, random: () => number): Uint32Array {
  const order = new Uint32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const swap = order[i]!
    order[i] = order[j]!
    order[j] = swap
  }
  return order
}

const modes = ['qr', 'payment_code', 'sub_wallet', 'app']

function statementRows(i: number): StatementRow[] {
  const kind = kindOf(i)
  if (kind === 'merchant_only') return []
  const refund = i % 10 === 9
  const no = String(i).padStart(9, '0')
  let status = refund ? 'succeeded' : i % 13 === 0 ? 'partially_refunded' : 'succeeded'
  if (kind === 'matched' && i % 17 === 0) status = refund ? 'failed' : 'closed'
  if (kind === 'merchant_succeeded_gateway_failed') status = refund ? 'failed' : 'closed'
  if (kind === 'gateway_processing') status = 'processing'
  if (kind === 'merchant_unknown' && i % 2 === 0) status = refund ? 'failed' : 'canceled'
  const common = {
    id: `${refund ? 'rfd' : 'ord'}_${no}`,
    orderId: `ord_${no}`,
    mode: modes[i % 4]!,
    status,
    amount: 100 + (mix(i + 7) % 500_000),
    refundedAmount: status === 'partially_refunded' ? 50 : 0,
    payerWalletId: `0021${no.padStart(12, '0')}`,
    occurredAt: `2025-01-01T${String(i % 24).padStart(2, '0')}:00:00+08:00`,
  }
  const row: StatementRow = refund
    ? { recordType: 'refund', merchantRefundNo: `R${no}`, ...common }
    : { recordType: 'order', merchantOrderNo: `M${no}`, ...common }
  return kind === 'duplicate' && i % 2 === 0 ? [row, row] : [row]
}

function merchantRecords(i: number): MerchantRecord[] {
  const kind = kindOf(i)
  if (kind === 'gateway_only') return []
  const refund = i % 10 === 9
  const no = String(i).padStart(9, '0')
  let status: MerchantRecord['status'] = kind === 'matched' && i % 17 === 0 ? 'failed' : 'succeeded'
  let amount = 100 + (mix(i + 7) % 500_000)
  if (kind === 'amount_mismatch') amount += 1 + (i % 3)
  if (kind === 'merchant_failed_gateway_succeeded') status = 'failed'
  if (kind === 'merchant_unknown') status = i % 3 === 0 ? 'pending' : 'unknown'
  const orderId = `ord_${no}`
  const record: MerchantRecord = refund
    ? { recordType: 'refund', merchantRefundNo: `R${no}`, amount, status, orderId }
    : { recordType: 'order', merchantOrderNo: `M${no}`, amount, status, orderId }
  return kind === 'duplicate' && i % 2 === 1 ? [record, record] : [record]
}

function* inOrder<T>(order: Uint32Array, rowsOf: (i: number) => T[]): Generator<T> {
  for (const i of order) yield* rowsOf(i)
}

type Expected = Record<ReconcileCategory, { count: number; statementRows: number; merchantRows: number }>

function expectedTotals(n: number): Expected {
  const expected = {} as Expected
  for (const kind of [...injected, 'matched' as const])
    expected[kind] = { count: 0, statementRows: 0, merchantRows: 0 }
  for (let i = 0; i < n; i++) {
    const total = expected[kindOf(i)]
    total.count++
    total.statementRows += statementRows(i).length
    total.merchantRows += merchantRecords(i).length
  }
  return expected
}

async function generate(dir: string, n: number) {
  const statement = join(dir, `statement-${n}.csv`)
  const records = join(dir, `records-${n}.csv`)
  await pipeline(
    Readable.from(formatStatementCsv(inOrder(shuffled(n, mulberry32(seed)), statementRows))),
    createWriteStream(statement),
  )
  await pipeline(
    Readable.from(formatMerchantRecordsCsv(inOrder(shuffled(n, mulberry32(seed + 1)), merchantRecords))),
    createWriteStream(records),
  )
  return { statement, records }
}

/** Reads both files and splits them into lines, the least any reconciler must do. */
async function baseline(files: string[]): Promise<number> {
  const started = performance.now()
  let lines = 0
  for (const file of files) {
    const decoder = new TextDecoder()
    let partial = ''
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      const parts = (partial + decoder.decode(chunk as Buffer, { stream: true })).split('\n')
      partial = parts.pop()!
      lines += parts.length
    }
  }
  if (lines === 0) throw new Error('baseline read no lines')
  return (performance.now() - started) / 1000
}

type ChildResult = { wallS: number; peakRssMb: number; summary: ReconcileSummary }

const self = fileURLToPath(import.meta.url)

async function runChild(statement: string, records: string): Promise<ChildResult> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', self, '--child', statement, records],
    { maxBuffer: 1 << 24 },
  )
  return JSON.parse(stdout) as ChildResult
}

/** The child: reconcile two files end to end and report time and peak memory. */
async function child(statement: string, records: string): Promise<void> {
  const started = performance.now()
  const summary = await reconcile(
    parseStatementCsv(createReadStream(statement, { highWaterMark: 1 << 20 }), { name: statement }),
    parseMerchantRecordsCsv(createReadStream(records, { highWaterMark: 1 << 20 }), { name: records }),
  ).done()
  const wallS = (performance.now() - started) / 1000
  const peakRssMb = process.resourceUsage().maxRSS / 1024
  process.stdout.write(JSON.stringify({ wallS, peakRssMb, summary } satisfies ChildResult))
}

function verify(summary: ReconcileSummary, expected: Expected, n: number): void {
  const problems: string[] = []
  for (const [category, want] of Object.entries(expected) as [
    ReconcileCategory,
    Expected[ReconcileCategory],
  ][]) {
    const got = summary.totals[category]
    if (
      got.count !== want.count ||
      got.statementRows !== want.statementRows ||
      got.merchantRows !== want.merchantRows
    ) {
      problems.push(`${category}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`)
    }
  }
  const sRows = Object.values(expected).reduce((sum, t) => sum + t.statementRows, 0)
  const mRows = Object.values(expected).reduce((sum, t) => sum + t.merchantRows, 0)
  if (summary.inputRows.statement !== sRows || summary.inputRows.merchant !== mRows) {
    problems.push(`input rows: expected ${sRows}/${mRows}, got ${JSON.stringify(summary.inputRows)}`)
  }
  if (problems.length > 0) {
    throw new Error(
      `reconcile bench (${n} keys): injected mismatches not found as expected:\n${problems.join('\n')}`,
    )
  }
}

async function measure(dir: string, scale: number, repeats: number) {
  const n = scale * million
  const files = await generate(dir, n)
  const expected = expectedTotals(n)
  let best: ChildResult | undefined
  for (let r = 0; r < repeats; r++) {
    const result = await runChild(files.statement, files.records)
    verify(result.summary, expected, n)
    if (best === undefined || result.wallS < best.wallS)
      best = { ...result, peakRssMb: Math.max(result.peakRssMb, best?.peakRssMb ?? 0) }
  }
  let baselineS = Number.POSITIVE_INFINITY
  for (let r = 0; r < repeats; r++)
    baselineS = Math.min(baselineS, await baseline([files.statement, files.records]))
  await rm(files.statement, { force: true })
  await rm(files.records, { force: true })
  return { n, wallS: best!.wallS, peakRssMb: best!.peakRssMb, baselineS, summary: best!.summary }
}

const round = (value: number, digits: number) => Number(value.toFixed(digits))

export async function run(): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), 'ecny-bench-reconcile-'))
  try {
    const scales = (process.env.RECONCILE_SCALES ?? '1').split(',').map(Number)
    if (!scales.includes(1)) scales.unshift(1)
    const rows: Awaited<ReturnType<typeof measure>>[] = []
    for (const scale of scales) {
      const result = await measure(dir, scale, scale === 1 ? 2 : 1)
      rows.push(result)
      console.log(
        `  ${(result.n / million).toFixed(0)}M rows: wall ${result.wallS.toFixed(2)} s, peak RSS ${result.peakRssMb.toFixed(0)} MB, baseline ${result.baselineS.toFixed(2)} s, strategy ${result.summary.strategy}, ${result.summary.discrepancies} discrepancies (all injected found)`,
      )
    }
    if (process.env.RECONCILE_SCALES) {
      console.log('\n| rows | wall s | peak RSS MB | baseline s | ratio |\n|---|---|---|---|---|')
      for (const r of rows) {
        console.log(
          `| ${r.n / million}M | ${r.wallS.toFixed(2)} | ${r.peakRssMb.toFixed(0)} | ${r.baselineS.toFixed(2)} | ${(r.wallS / r.baselineS).toFixed(1)} |`,
        )
      }
    }
    const one = rows.find((r) => r.n === million)!
    return {
      reconcile_1m_wall_s: round(one.wallS, 2),
      reconcile_1m_peak_rss_mb: round(one.peakRssMb, 0),
      reconcile_baseline_ratio: round(one.wallS / one.baselineS, 2),
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!)
  else if (process.argv[2] === '--generate')
    console.log(await generate(process.argv[3]!, Number(process.argv[4])))
  else console.log(await run())
}

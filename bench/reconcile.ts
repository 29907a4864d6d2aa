/**
 * Reconciliation at volume, against DuckDB. Generates a statement and the merchant's records (1M rows
 * each by default, ~1% of every kind of mismatch, seeded, the two sides shuffled differently) into
 * temp files, then measures on those same files, interleaved, best of `RECONCILE_REPEATS` (3):
 * (a) the SDK's `ecny reconcile --statement … --records … --out report.json`, built from these sources
 *     and run as a whole process (wall time from spawn to exit, the process's own peak RSS);
 * (b) DuckDB (`@duckdb/node-api`, 2 threads) classifying the same files into the same nine categories
 *     in SQL (bench/reconcileSql.ts), also as a whole process;
 * (c) the read-and-split floor: reading both files and finding every line end.
 * Checks that every injected mismatch was found and that the SDK and DuckDB agree on every category
 * (keys, amount, rows of each side), and fails loudly otherwise; prints the ratios.
 *
 * `RECONCILE_SCALES=1,2,4,10 pnpm bench reconcile` prints the table at 1M/2M/4M/10M rows per side.
 * `--generate DIR ROWS` only writes the files; `--duckdb statement.csv records.csv` is DuckDB's child.
 */
import { execFile } from 'node:child_process'
import {
  closeSync,
  createWriteStream,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  writeFileSync,
} from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import {
  formatMerchantRecordsCsv,
  formatStatementCsv,
} from '../packages/sdk-merchant/src/reconcile/formatCsv.js'
import type {
  CategoryTotal,
  MerchantRecord,
  ReconcileCategory,
  ReconcileSummary,
  StatementRow,
} from '../packages/sdk-merchant/src/reconcile/types.js'
import { bundleSources } from './_bundleSources.js'
import { categories } from './_reconcileSql.js'

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

/**
 * The read-and-split floor: read both files in 1 MiB blocks and find every line end, the least any
 * reconciler must do (no decoding, no fields). In this process, so it has no start-up cost.
 */
function floor(files: string[]): number {
  const started = performance.now()
  const buffer = Buffer.allocUnsafe(1 << 20)
  let lines = 0
  for (const file of files) {
    const fd = openSync(file, 'r')
    try {
      for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
        for (let at = buffer.indexOf(10); at !== -1 && at < read; at = buffer.indexOf(10, at + 1)) lines++
      }
    } finally {
      closeSync(fd)
    }
  }
  if (lines === 0) throw new Error('floor read no lines')
  return (performance.now() - started) / 1000
}

type Totals = Record<ReconcileCategory, CategoryTotal>
type Measured = { wallS: number; peakRssMb: number }
type ChildResult = Measured & { summary: ReconcileSummary }

const self = fileURLToPath(import.meta.url)

/** Runs `node args…` with a preload that records the child's own peak RSS; returns wall and peak RSS. */
async function measureProcess(args: string[], dir: string): Promise<Measured & { stdout: string }> {
  const rssFile = join(dir, `rss-${process.pid}-${Math.random().toString(36).slice(2)}`)
  const started = performance.now()
  const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', pathToFileURL(join(dir, 'peak-rss.mjs')).href, ...args],
      { maxBuffer: 1 << 26, env: { ...process.env, ECNY_BENCH_RSS_FILE: rssFile } },
      (error, stdout, stderr) => {
        // The CLI exits 1 when there are discrepancies: that is its answer, not a failure.
        if (error && (error as { code?: unknown }).code !== 1)
          reject(new Error(`${error.message}\n${stderr}`))
        else resolve({ stdout })
      },
    )
  })
  const wallS = (performance.now() - started) / 1000
  const peakRssMb = Number(readFileSync(rssFile, 'utf8')) / 1024
  return { wallS, peakRssMb, stdout }
}

/** Builds the `ecny` CLI from the sources into `dir` (so the bench measures this tree, started as users start it). */
async function buildCli(dir: string): Promise<string> {
  // The CLI and, beside it, the worker thread it reads the statement on.
  await bundleSources(
    {
      'ecny-cli': 'packages/sdk-merchant/src/cli.ts',
      reconcileScanWorker: 'packages/sdk-merchant/src/reconcile/fast/scanWorker.ts',
    },
    dir,
  )
  const outfile = join(dir, 'ecny-cli.mjs')
  writeFileSync(
    join(dir, 'peak-rss.mjs'),
    `import { writeFileSync } from 'node:fs'
process.on('exit', () => writeFileSync(process.env.ECNY_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)))\n`,
  )
  return outfile
}

/** The SDK: `ecny reconcile --statement … --records … --out report.json`, as a whole process. */
async function runSdk(
  cli: string,
  files: { statement: string; records: string },
  dir: string,
): Promise<ChildResult> {
  const out = join(dir, 'report.json')
  const measured = await measureProcess(
    [cli, 'reconcile', '--statement', files.statement, '--records', files.records, '--out', out],
    dir,
  )
  const summary = readSummary(out)
  await rm(out, { force: true })
  return { wallS: measured.wallS, peakRssMb: measured.peakRssMb, summary }
}

/** The summary at the end of a streamed JSON report, without reading the discrepancies. */
function readSummary(path: string): ReconcileSummary {
  const fd = openSync(path, 'r')
  try {
    const size = fstatSync(fd).size
    const length = Math.min(size, 1 << 16)
    const tail = Buffer.alloc(length)
    readSync(fd, tail, 0, length, size - length)
    const text = tail.toString('utf8')
    const at = text.lastIndexOf('"summary": ')
    return JSON.parse(text.slice(at + '"summary": '.length).replace(/\}\s*$/, '')) as ReconcileSummary
  } finally {
    closeSync(fd)
  }
}

/** DuckDB (2 threads), as a whole process: the same nine categories in SQL, from the same two files. */
async function runDuckdb(files: { statement: string; records: string }, dir: string) {
  const measured = await measureProcess(
    ['--import', 'tsx', self, '--duckdb', files.statement, files.records],
    dir,
  )
  return {
    wallS: measured.wallS,
    peakRssMb: measured.peakRssMb,
    totals: JSON.parse(measured.stdout) as Totals,
  }
}

/** The child of {@link runDuckdb}: prints the totals per category as JSON. */
async function duckdbChild(statement: string, records: string): Promise<void> {
  const { duckdbTotals } = await import('./_reconcileSql.js')
  process.stdout.write(JSON.stringify(await duckdbTotals(statement, records, 2)))
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

/** Fails unless the SDK and DuckDB agree on every category: keys, amount and rows of each side. */
function agree(sdk: Totals, duckdb: Totals, n: number): void {
  const problems = categories.filter((category) => {
    const a = sdk[category]
    const b = duckdb[category]
    return (
      a.count !== b.count ||
      a.amountFen !== b.amountFen ||
      a.statementRows !== b.statementRows ||
      a.merchantRows !== b.merchantRows
    )
  })
  if (problems.length > 0) {
    throw new Error(
      `reconcile bench (${n} keys): SDK and DuckDB disagree on ${problems
        .map((c) => `${c} (sdk ${JSON.stringify(sdk[c])}, duckdb ${JSON.stringify(duckdb[c])})`)
        .join(', ')}`,
    )
  }
}

type Row = {
  n: number
  sdk: Measured
  duckdb: Measured
  floorS: number
  summary: ReconcileSummary
}

/** Best wall time of the runs; peak RSS is the highest seen in any run (the bound must hold every time). */
function best(runs: Measured[]): Measured {
  return {
    wallS: Math.min(...runs.map((r) => r.wallS)),
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
  }
}

async function measure(dir: string, cli: string, scale: number, repeats: number): Promise<Row> {
  const n = Math.round(scale * million)
  const files = await generate(dir, n)
  const expected = expectedTotals(n)
  const sdkRuns: Measured[] = []
  const duckdbRuns: Measured[] = []
  let summary: ReconcileSummary | undefined
  let floorS = Number.POSITIVE_INFINITY
  try {
    for (let r = 0; r < repeats; r++) {
      // Interleaved, so that load from other jobs on the machine falls on both alike.
      const sdk = await runSdk(cli, files, dir)
      verify(sdk.summary, expected, n)
      const duckdb = await runDuckdb(files, dir)
      agree(sdk.summary.totals, duckdb.totals, n)
      floorS = Math.min(floorS, floor([files.statement, files.records]))
      sdkRuns.push(sdk)
      duckdbRuns.push(duckdb)
      summary = sdk.summary
    }
  } finally {
    await rm(files.statement, { force: true })
    await rm(files.records, { force: true })
  }
  return { n, sdk: best(sdkRuns), duckdb: best(duckdbRuns), floorS, summary: summary! }
}

const round = (value: number, digits: number) => Number(value.toFixed(digits))
const label = (n: number) => `${n / million}M`

export async function run(): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), 'ecny-bench-reconcile-'))
  try {
    const cli = await buildCli(dir)
    const scales = (process.env.RECONCILE_SCALES ?? '1').split(',').map(Number)
    if (!scales.includes(1)) scales.unshift(1)
    const repeats = Number(process.env.RECONCILE_REPEATS ?? 3)
    const rows: Row[] = []
    for (const scale of scales) {
      const row = await measure(dir, cli, scale, scale <= 1 ? repeats : Math.min(repeats, 2))
      rows.push(row)
      console.log(
        `  ${label(row.n)} rows: SDK ${row.sdk.wallS.toFixed(2)} s / ${row.sdk.peakRssMb.toFixed(0)} MB, DuckDB ${row.duckdb.wallS.toFixed(2)} s / ${row.duckdb.peakRssMb.toFixed(0)} MB, floor ${row.floorS.toFixed(2)} s; strategy ${row.summary.strategy}, ${row.summary.discrepancies} discrepancies; all nine categories agree with DuckDB, all injected found`,
      )
    }
    const one = rows.find((r) => r.n === million)!
    console.log(
      '\n| rows per side | SDK wall s | SDK peak RSS MB | DuckDB wall s | DuckDB peak RSS MB | floor s | SDK / DuckDB | SDK / floor | wall / 1M wall |\n|---|---|---|---|---|---|---|---|---|',
    )
    for (const r of rows) {
      console.log(
        `| ${label(r.n)} | ${r.sdk.wallS.toFixed(2)} | ${r.sdk.peakRssMb.toFixed(0)} | ${r.duckdb.wallS.toFixed(2)} | ${r.duckdb.peakRssMb.toFixed(0)} | ${r.floorS.toFixed(2)} | ${(r.sdk.wallS / r.duckdb.wallS).toFixed(2)} | ${(r.sdk.wallS / r.floorS).toFixed(1)} | ${(r.sdk.wallS / one.sdk.wallS).toFixed(1)} |`,
      )
    }
    const figures: Record<string, number> = {
      reconcile_1m_wall_s: round(one.sdk.wallS, 2),
      reconcile_1m_peak_rss_mb: round(one.sdk.peakRssMb, 0),
      reconcile_1m_duckdb_wall_s: round(one.duckdb.wallS, 2),
      reconcile_1m_duckdb_ratio: round(one.sdk.wallS / one.duckdb.wallS, 2),
      reconcile_baseline_ratio: round(one.sdk.wallS / one.floorS, 2),
    }
    for (const r of rows) {
      if (r === one) continue
      figures[`reconcile_${label(r.n).toLowerCase()}_wall_s`] = round(r.sdk.wallS, 2)
      figures[`reconcile_${label(r.n).toLowerCase()}_peak_rss_mb`] = round(r.sdk.peakRssMb, 0)
      figures[`reconcile_${label(r.n).toLowerCase()}_duckdb_ratio`] = round(r.sdk.wallS / r.duckdb.wallS, 2)
    }
    return figures
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === '--duckdb') await duckdbChild(process.argv[3]!, process.argv[4]!)
  else if (process.argv[2] === '--generate')
    console.log(await generate(process.argv[3]!, Number(process.argv[4])))
  else console.log(await run())
}

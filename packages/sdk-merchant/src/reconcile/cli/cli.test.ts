import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { statementCsvColumns } from '../parseStatementCsv.js'
import { main } from './main.js'
import { parseArgs } from './parseArgs.js'
import { createProgress } from './progress.js'

const repo = fileURLToPath(new URL('../../../../../', import.meta.url))
const cli = fileURLToPath(new URL('../../cli.ts', import.meta.url))

type Result = { code: number; stdout: string; stderr: string }

let dir: string
let child: Result
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecny-cli-test-'))
  const header = statementCsvColumns.join(',')
  await writeFile(
    join(dir, 'statement.csv'),
    `${header}\norder,o1,M1,o1,qr,succeeded,1000,0,,t\norder,o2,M2,o2,qr,closed,500,0,,t\n`,
  )
  await writeFile(join(dir, 'good.csv'), 'merchantOrderNo,amount,status\nM1,1000,succeeded\nM2,500,failed\n')
  await writeFile(join(dir, 'bad.csv'), 'merchantOrderNo,amount,status\nM1,1000,succeeded\nM2,500,shipped\n')
  await writeFile(
    join(dir, 'differs.csv'),
    'merchantOrderNo,amount,status\nM1,1000,succeeded\nM2,500,succeeded\n',
  )
  // One real run of the command (node + tsx boot: seconds on a busy machine); the rest run in-process.
  child = await ecnyProcess(
    'reconcile',
    '--statement',
    join(dir, 'statement.csv'),
    '--records',
    join(dir, 'good.csv'),
  )
}, 60_000)

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

function ecnyProcess(...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: repo }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr })
    })
  })
}

/** Runs the command's `main` in this process with captured output. */
async function ecny(...args: string[]): Promise<Result> {
  let stdout = ''
  let stderr = ''
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
  })
  return { code, stdout, stderr }
}

const file = (name: string) => join(dir, name)

describe('ecny (child process)', () => {
  it('exits 0 and prints the table when every key matches', async () => {
    const result = child
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^matched\s+2\s+2\s+2\s+15\.00$/m)
    expect(result.stdout).toContain('All keys matched.')
    expect(result.stderr).toBe('')
  })
})

describe('ecny (in-process main)', () => {
  it('exits 0 and prints the table when every key matches', async () => {
    const result = await ecny(
      'reconcile',
      '--statement',
      file('statement.csv'),
      '--records',
      file('good.csv'),
    )
    expect(result).toEqual({ code: 0, stdout: child.stdout, stderr: '' })
  })

  it('exits 1 on discrepancies, writes --out and --csv, and shows progress when asked', async () => {
    const out = join(dir, 'report.json')
    const csv = join(dir, 'discrepancies.csv')
    const result = await ecny(
      'reconcile',
      `--statement=${file('statement.csv')}`,
      '--records',
      file('differs.csv'),
      '--out',
      out,
      '--csv',
      csv,
      '--progress',
      '--memory-rows',
      '1',
    )
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^merchant_succeeded_gateway_failed\s+1\s+1\s+1\s+5\.00$/m)
    expect(result.stderr).toContain('rows/s')
    const report = JSON.parse(await readFile(out, 'utf8'))
    expect(report.summary.strategy).toBe('partitioned')
    expect(report.discrepancies.map((e: { merchantNo: string }) => e.merchantNo)).toEqual(['M2'])
    expect((await readFile(csv, 'utf8')).split('\n')[1]).toMatch(
      /^merchant_succeeded_gateway_failed,order,M2,500,closed,succeeded,/,
    )
  })

  it('writes the same --out and --csv on two threads as on one', async () => {
    const header = statementCsvColumns.join(',')
    let statement = `${header}\n`
    let records = 'merchantOrderNo,amount,status\n'
    for (let i = 0; i < 3000; i++) {
      statement += `order,o${i},M${i},o${i},qr,${i % 5 === 0 ? 'closed' : 'succeeded'},${1000 + i},0,,t\n`
      if (i % 7 !== 0) records += `M${i},${1000 + i + (i % 11 === 0 ? 1 : 0)},succeeded\n`
    }
    await writeFile(file('many-s.csv'), statement)
    await writeFile(file('many-m.csv'), records)
    const reports: string[] = []
    for (const threads of ['1', '2']) {
      const result = await ecny(
        'reconcile',
        '--statement',
        file('many-s.csv'),
        '--records',
        file('many-m.csv'),
        '--out',
        file(`many-${threads}.json`),
        '--csv',
        file(`many-${threads}.csv`),
        '--threads',
        threads,
      )
      expect(result.code).toBe(1)
      reports.push(
        (await readFile(file(`many-${threads}.json`), 'utf8')) +
          (await readFile(file(`many-${threads}.csv`), 'utf8')),
      )
    }
    expect(reports[0]).toContain('"merchantNo":"M7"')
    expect(reports[1]).toBe(reports[0])
  })

  it('exits 2 naming file, line and column of a bad record; and on usage errors', async () => {
    const bad = await ecny('reconcile', '--statement', file('statement.csv'), '--records', file('bad.csv'))
    const usage = await ecny('reconcile', '--records', file('good.csv'))
    const missing = await ecny('reconcile', '--statement', file('nope.csv'), '--records', file('good.csv'))
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain(
      'bad.csv line 3, column 3 (status): expected succeeded, failed, unknown or pending, got "shipped"',
    )
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('give either --statement FILE or --date YYYY-MM-DD')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('ENOENT')
  })

  it('--date says which credentials the download needs; --help prints usage', async () => {
    const date = await ecny('reconcile', '--date', '2025-01-31', '--records', file('good.csv'))
    const help = await ecny('reconcile', '--help')
    expect(date.code).toBe(2)
    expect(date.stderr).toContain(
      'statement download needs credentials: set ECNY_BASE_URL, ECNY_APP_ID, ECNY_PRIVATE_KEY',
    )
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('ecny reconcile --statement statement.csv --records records.csv')
  })
})

describe('parseArgs', () => {
  it('reads flags in both forms and rejects nonsense', () => {
    expect(parseArgs(['reconcile', '--statement', 's', '--records=r', '--include-matched'])).toEqual({
      command: 'reconcile',
      statement: 's',
      date: undefined,
      records: 'r',
      out: undefined,
      csv: undefined,
      includeMatched: true,
      memoryRows: undefined,
      progress: undefined,
    })
    expect(parseArgs([])).toEqual({ command: 'help', topic: undefined })
    expect(() => parseArgs(['reconsile'])).toThrow('unknown command "reconsile"')
    expect(() => parseArgs(['reconcile', '--statement', 's', '--records', 'r', '--fast'])).toThrow(
      'unknown option "--fast"',
    )
    expect(() => parseArgs(['reconcile', '--date', '2025-13-01', '--records', 'r'])).toThrow(
      '--date must be YYYY-MM-DD',
    )
    expect(() => parseArgs(['reconcile', '--statement', 's', '--records'])).toThrow('--records needs a value')
    expect(() =>
      parseArgs(['reconcile', '--statement', 's', '--records', 'r', '--memory-rows', '1.5']),
    ).toThrow('--memory-rows must be a positive integer')
  })

  it('parses like node:util parseArgs: no flag swallowed as a value, no value on a switch, positionals refused', () => {
    expect(() => parseArgs(['reconcile', '--statement', '--records', 'r'])).toThrow(
      '--statement needs a value',
    )
    expect(() =>
      parseArgs(['reconcile', '--statement', 's', '--records', 'r', '--include-matched=yes']),
    ).toThrow('--include-matched takes no value')
    expect(() => parseArgs(['reconcile', '--statement', 's', '--records', 'r', 'extra.csv'])).toThrow(
      'unexpected argument "extra.csv"',
    )
    expect(parseArgs(['reconcile', '-h'])).toEqual({ command: 'help', topic: 'reconcile' })
    expect(parseArgs(['reconcile', '--statement=s', '--records', 'r', '--no-progress'])).toMatchObject({
      statement: 's',
      records: 'r',
      progress: false,
    })
  })
})

describe('createProgress', () => {
  it('redraws at most once per interval', () => {
    let clock = 0
    const writes: string[] = []
    const progress = createProgress({ write: (text) => writes.push(text) }, 250, () => clock)
    clock = 1000
    progress.update('records', 1000)
    clock = 1100
    progress.update('records', 2000)
    clock = 1300
    progress.update('records', 3000)
    progress.done()
    expect(writes).toEqual([
      '\r\x1b[Kreading: records 1,000 rows · 1,000 rows/s · 1.0 s',
      '\r\x1b[Kreading: records 3,000 rows · 2,308 rows/s · 1.3 s',
      '\r\x1b[K',
    ])
  })
})

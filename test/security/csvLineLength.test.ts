/**
 * Long CSV lines fed in tiny chunks (a slow or hostile upstream): reading them costs time linear in
 * the input — never re-splitting the whole partial line on every chunk — and a line longer than the
 * limit stops the read with `csv_line_too_long` instead of growing memory. Time is checked as a
 * ratio (4n bytes against n bytes, both in 1-byte chunks, best of several interleaved runs), so a
 * loaded machine slows both sides alike: linear reading gives about 4, quadratic about 16.
 */

import { EcnyError, parseStatementCsv, reconcile, statementCsvColumns } from '@ecny/sdk-merchant'
import { describe, expect, it } from 'vitest'
import { readLineBatches } from '../../packages/sdk-merchant/src/reconcile/csv/readLines.js'

/** `text` as 1-byte chunks. */
function* bytesOneByOne(text: string): Generator<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1)
}

const header = `${statementCsvColumns.join(',')}\n`
/** A statement whose one row has a merchant order number of `length` characters. */
const longRowStatement = (length: number) =>
  `${header}order,ord_1,${'M'.repeat(length)},ord_1,qr,succeeded,100,0,,2025-01-01T10:00:00+08:00\n`

async function drainLines(text: string, maxLineLength?: number): Promise<number> {
  let lines = 0
  for await (const batch of readLineBatches(bytesOneByOne(text), 'long.csv', maxLineLength))
    lines += batch.length
  return lines
}

async function drainReconcile(text: string): Promise<void> {
  try {
    for await (const _ of reconcile(parseStatementCsv(bytesOneByOne(text)), [])) {
      // only the reading matters
    }
  } catch (error) {
    // The long merchant order number is refused by the row checks, after the line was read.
    if (!(error instanceof EcnyError)) throw error
  }
}

/** Best time of `runs` interleaved runs of `task(n)` and `task(4n)`, as t(4n) / t(n). */
async function scaling(task: (size: number) => Promise<unknown>, n: number, runs = 3): Promise<number> {
  await task(n / 4) // warm up
  let small = Number.POSITIVE_INFINITY
  let large = Number.POSITIVE_INFINITY
  for (let i = 0; i < runs; i++) {
    let start = performance.now()
    await task(n)
    small = Math.min(small, performance.now() - start)
    start = performance.now()
    await task(4 * n)
    large = Math.min(large, performance.now() - start)
  }
  return large / small
}

describe('long CSV lines in 1-byte chunks', () => {
  it('readLineBatches takes time linear in the line length', async () => {
    const ratio = await scaling((size) => drainLines(`${'x'.repeat(size)}\nend\n`), 50_000)
    expect(ratio).toBeLessThan(8)
  })

  it('the reconcile fast path takes time linear in the line length', async () => {
    const ratio = await scaling((size) => drainReconcile(longRowStatement(size)), 50_000)
    expect(ratio).toBeLessThan(8)
  })

  it('a line longer than the limit is csv_line_too_long, naming file and line', async () => {
    const error = await drainLines(`ok\n${'x'.repeat(2_000)}\n`, 1_000).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EcnyError)
    expect(error).toMatchObject({ code: 'csv_line_too_long', details: { file: 'long.csv', line: 2 } })
    expect((error as Error).message).toMatch(/long\.csv line 2: .*longer than 1000 characters/)
    expect(await drainLines(`ok\n${'x'.repeat(1_000)}\n`, 1_000)).toBe(2)
  })

  it('the limit defaults to 1 MiB and is configurable on the parsers and the fast path', async () => {
    const tooLong = longRowStatement(2_000)
    for (const run of [
      async () => {
        for await (const _ of parseStatementCsv([tooLong.slice(0, 1_500), tooLong.slice(1_500)], {
          maxLineLength: 1_000,
        })) {
          // reading
        }
      },
      () => drainReconcileWith(tooLong, 1_000),
    ]) {
      await expect(run()).rejects.toMatchObject({ code: 'csv_line_too_long' })
    }
    const big = 'x'.repeat((1 << 20) + 1)
    const read = async () => {
      for await (const _ of readLineBatches([big.slice(0, 1 << 19), big.slice(1 << 19)], 'big.csv')) {
        // reading
      }
    }
    await expect(read()).rejects.toMatchObject({ code: 'csv_line_too_long' })
  })
})

async function drainReconcileWith(text: string, maxLineLength: number): Promise<void> {
  const chunks = [text.slice(0, 1_500), text.slice(1_500)].map((part) => new TextEncoder().encode(part))
  for await (const _ of reconcile(parseStatementCsv(chunks, { maxLineLength }), [])) {
    // reading
  }
}

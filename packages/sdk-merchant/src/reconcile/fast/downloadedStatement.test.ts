import { mkdtemp, readdir, rm, watch } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatMerchantRecordsCsv, formatStatementCsv } from '../formatCsv.js'
import { parseMerchantRecordsCsv } from '../parseMerchantRecordsCsv.js'
import { parseStatementCsv } from '../parseStatementCsv.js'
import { reconcile } from '../reconcile.js'
import { collect, orderRecord, orderRow } from '../testRows.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecny-download-test-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A statement as a download gives it: a Web stream of bytes, which cannot be read a second time. */
async function downloaded(rows: number): Promise<ReadableStream<Uint8Array>> {
  const text = (
    await collect(formatStatementCsv(Array.from({ length: rows }, (_, i) => orderRow(`M${i}`))))
  ).join('')
  const bytes = new TextEncoder().encode(text)
  return new ReadableStream({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 1000) controller.enqueue(bytes.subarray(at, at + 1000))
      controller.close()
    },
  })
}

async function records(rows: number): Promise<string[]> {
  const list = Array.from({ length: rows }, (_, i) => orderRecord(`M${i}`, { amount: i === 7 ? 1 : 1000 }))
  return collect(formatMerchantRecordsCsv(list))
}

/** Runs with a watcher on the temp dir: resolves with whether anything was ever created in it. */
async function touchedDisk(tempDir: string, work: () => Promise<unknown>): Promise<boolean> {
  const abort = new AbortController()
  let touched = false
  const watching = (async () => {
    try {
      for await (const _ of watch(tempDir, { signal: abort.signal })) touched = true
    } catch {}
  })()
  await work()
  touched ||= (await readdir(tempDir)).length > 0
  abort.abort()
  await watching
  return touched
}

describe('a downloaded statement', () => {
  it('is reconciled in memory, never touching disk, when it fits', async () => {
    const own = await mkdtemp(join(dir, 'fits-'))
    let summary: Awaited<ReturnType<ReturnType<typeof reconcile>['done']>> | undefined
    const touched = await touchedDisk(own, async () => {
      summary = await reconcile(
        parseStatementCsv(await downloaded(5000), { name: 'statement' }),
        parseMerchantRecordsCsv(await records(5000), { name: 'records.csv' }),
        { tempDir: own },
      ).done()
    })
    expect(touched).toBe(false)
    expect(summary!.strategy).toBe('memory')
    expect(summary!.totals.matched.count).toBe(4999)
    expect(summary!.totals.amount_mismatch.count).toBe(1)
  })

  it('spills past the memory limit, with the same totals, and leaves nothing behind', async () => {
    const own = await mkdtemp(join(dir, 'spills-'))
    const run = reconcile(
      parseStatementCsv(await downloaded(5000), { name: 'statement' }),
      parseMerchantRecordsCsv(await records(5000), { name: 'records.csv' }),
      { tempDir: own, memoryRows: 1000 },
    )
    const entries = await collect(run)
    const summary = await run.summary
    expect(summary.strategy).toBe('partitioned')
    expect(summary.totals.matched.count).toBe(4999)
    expect(entries).toHaveLength(1)
    expect(entries[0]!.statementRows[0]).toEqual({ ...orderRow('M7'), line: 9 })
    expect(await readdir(own)).toEqual([])
  })
})

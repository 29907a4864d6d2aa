import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatMerchantRecordsCsv, formatStatementCsv } from '../formatCsv.js'
import type { Tally } from '../tally.js'
import { orderRecord, orderRow } from '../testRows.js'
import { emptyTotals } from '../totals.js'
import type { MerchantRecord, ReconcileEntry, StatementRow } from '../types.js'
import { csvRowBuilders } from './csvRowBuilders.js'
import { type JoinedPartition, joinControl } from './joinJob.js'
import { joinOnTwoThreads } from './joinOnTwoThreads.js'
import type { RowBuilders } from './partitionJoin.js'
import {
  PartitionStore,
  Slabs,
  type StoreBudget,
  type StoreContents,
  StoredPartitions,
} from './partitionStore.js'
import { MerchantReader, StatementReader, scanCsv } from './scanCsv.js'
import type { ScanInWorker } from './scanInWorker.js'
import { type EntryBatch, StoredJoin } from './storedJoin.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecny-join-two-test-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const partitions = 64

/** Both sides of 1,200 keys, a discrepancy every third key, read into stores (spilled half way). */
async function stores(): Promise<{
  merchant: StoreContents
  statement: StoreContents
  readers: { statement: StatementReader; merchant: MerchantReader }
}> {
  const statementRows: StatementRow[] = []
  const merchantRecords: MerchantRecord[] = []
  for (let i = 0; i < 1200; i++) {
    const no = `M${String(i).padStart(4, '0')}`
    if (i % 7 !== 1) statementRows.push(orderRow(no, { amount: 100 + i }))
    if (i % 7 !== 2) merchantRecords.push(orderRecord(no, { amount: 100 + i + (i % 3 === 0 ? 1 : 0) }))
  }
  const budget: StoreBudget = {
    bytes: 0,
    rows: 0,
    memoryBytes: 1 << 20,
    memoryRows: 500,
    dir: () => dir,
    stores: [],
    slabs: new Slabs(),
  }
  const merchantStore = new PartitionStore('jm', partitions, budget, false)
  const statementStore = new PartitionStore('js', partitions, budget, false)
  const merchant = new MerchantReader('records.csv', merchantStore)
  const statement = new StatementReader('statement.csv', statementStore)
  await scanCsv(formatMerchantRecordsCsv(merchantRecords), merchant, {})
  await scanCsv(formatStatementCsv(statementRows), statement, {})
  return {
    merchant: merchantStore.handOver(),
    statement: statementStore.handOver(),
    readers: { statement, merchant },
  }
}

type Side = Awaited<ReturnType<typeof stores>>

/** A join over the stores whose row builders fail on the merchant number `failOn`. */
function joiner(side: Side, failOn?: string): StoredJoin {
  const { builders } = csvRowBuilders(side.readers.statement, side.readers.merchant, undefined, undefined)
  const failing: RowBuilders = {
    ...builders,
    statement: (fields, line) => {
      if (failOn !== undefined && fields.includes(failOn)) throw new Error(`row ${failOn} does not rebuild`)
      return builders.statement(fields, line)
    },
  }
  return new StoredJoin(
    new StoredPartitions(side.merchant),
    [new StoredPartitions(side.statement)],
    failing,
    undefined,
  )
}

/** What one thread yields: the entries, then the error it stops on (if any), and the totals. */
function oneThread(join: StoredJoin): { entries: ReconcileEntry[]; error?: string; tally: Tally } {
  const tally: Tally = { totals: emptyTotals(), includeMatched: false }
  const entries: ReconcileEntry[] = []
  for (let p = 0; p < partitions; p++) {
    const output = join.join(p, tally)
    entries.push(...(output.batch as ReconcileEntry[]))
    if (output.error !== undefined) return { entries, error: (output.error as Error).message, tally }
  }
  return { entries, tally }
}

/**
 * A stand-in for the worker thread, on this thread: claims partitions from the shared counter like
 * the worker (the first one at once, the next once it has sent one), and per partition sends it
 * joined (`join`), says it failed (`fail`), or dies without sending it (`die`).
 */
function fakeWorker(join: StoredJoin, plan: (p: number) => 'join' | 'fail' | 'die'): ScanInWorker {
  return {
    header: Promise.resolve(undefined),
    result: Promise.resolve(undefined),
    stop: async () => {},
    join(job, onGone) {
      const control = new Int32Array(job.control)
      const send = (joined: JoinedPartition) => {
        job.results.postMessage(joined)
        Atomics.add(control, joinControl.sent, 1)
        Atomics.notify(control, joinControl.sent)
      }
      const step = () => {
        const p = Atomics.add(control, joinControl.next, 1)
        const what = p < job.partitions ? plan(p) : 'die'
        setImmediate(() => {
          if (what === 'die') return onGone()
          if (what === 'fail') send({ partition: p, failed: true })
          else {
            const output = join.joinAhead(p, job.includeMatched)
            if (output.error !== undefined) send({ partition: p, failed: true })
            else send({ partition: p, ...output })
          }
          step()
        })
      }
      step()
    },
  }
}

async function twoThreads(
  side: Side,
  plan: (p: number) => 'join' | 'fail' | 'die',
  failOn?: string,
): Promise<{ entries: ReconcileEntry[]; error?: string; tally: Tally; byWorker: number[] }> {
  const tally: Tally = { totals: emptyTotals(), includeMatched: false }
  const entries: ReconcileEntry[] = []
  const byWorker: number[] = []
  const job = {
    partitions,
    includeMatched: false,
    text: undefined,
    merchant: { path: '', name: 'records.csv', header: [], contents: [side.merchant], continuedLines: 0 },
    statement: { path: '', name: 'statement.csv', header: [], contents: [side.statement], continuedLines: 0 },
  }
  const batches = joinOnTwoThreads(joiner(side, failOn), fakeWorker(joiner(side, failOn), plan), job, tally, {
    count: () => {},
    joined: (p) => byWorker.push(p),
  })
  try {
    for await (const batch of batches as AsyncGenerator<EntryBatch>)
      entries.push(...(batch as ReconcileEntry[]))
  } catch (error) {
    return { entries, error: (error as Error).message, tally, byWorker }
  }
  return { entries, tally, byWorker }
}

describe('joinOnTwoThreads', () => {
  it('passes on the partitions the worker joined in order, with its totals: one thread’s output', async () => {
    const side = await stores()
    const one = oneThread(joiner(side))
    expect(one.entries.length).toBeGreaterThan(100)
    const two = await twoThreads(side, () => 'join')
    expect(two.byWorker.length).toBeGreaterThan(0)
    expect(two.byWorker.length).toBeLessThan(partitions)
    expect(two.entries).toEqual(one.entries)
    expect(two.tally).toEqual(one.tally)
  })

  it('joins here what the worker failed on or never sent (it died)', async () => {
    const side = await stores()
    const one = oneThread(joiner(side))
    const failing = await twoThreads(side, (p) => (p % 3 === 0 ? 'fail' : 'join'))
    expect(failing.byWorker.length).toBeGreaterThan(0)
    expect(failing.byWorker.filter((p) => p % 3 === 0)).toEqual([])
    expect(failing.entries).toEqual(one.entries)
    expect(failing.tally).toEqual(one.tally)
    const dying = await twoThreads(side, (p) => (p >= 40 ? 'die' : 'join'))
    expect(dying.byWorker.length).toBeGreaterThan(0)
    expect(dying.entries).toEqual(one.entries)
    expect(dying.tally).toEqual(one.tally)
    const dead = await twoThreads(side, () => 'die')
    expect(dead.byWorker).toEqual([])
    expect(dead.entries).toEqual(one.entries)
  })

  it('stops with one thread’s error, after the entries one thread yields before it', async () => {
    const side = await stores()
    // A key in a middle partition whose statement row does not rebuild (on either thread).
    const one = oneThread(joiner(side, 'M0003'))
    expect(one.error).toBe('row M0003 does not rebuild')
    expect(one.entries.length).toBeGreaterThan(0)
    for (const plan of [
      () => 'join' as const,
      (p: number) => (p % 2 === 0 ? 'fail' : 'join'),
      () => 'die' as const,
    ]) {
      const two = await twoThreads(side, plan, 'M0003')
      expect(two.error).toBe(one.error)
      expect(two.entries).toEqual(one.entries)
    }
  })
})

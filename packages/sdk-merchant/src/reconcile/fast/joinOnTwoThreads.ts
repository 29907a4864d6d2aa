import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads'
import type { Tally } from '../tally.js'
import { batchKiB, type JoinedPartition, type JoinJob, joinControl } from './joinJob.js'
import type { ScanInWorker } from './scanInWorker.js'
import { addTotals, type EntryBatch, emptyBatch, type StoredJoin } from './storedJoin.js'

/** `Atomics.waitAsync` (ES2024; in Node since 16): resolves once `array[index]` is not `value`. */
async function waitAsync(array: Int32Array, index: number, value: number): Promise<void> {
  const atomics = Atomics as unknown as {
    waitAsync(array: Int32Array, index: number, value: number): { value: Promise<string> | string }
  }
  await atomics.waitAsync(array, index, value).value
}

/**
 * How far a thread may join ahead of the partition being passed on: this many partitions, and (the
 * worker) this many KiB of entries sent but not passed on. Wide enough that neither thread waits
 * for the other in the common case; narrow enough that the entries held stay a few MiB.
 */
export const joinWindow = { partitions: 32, kib: 16 * 1024 }

/**
 * The join on two threads: the worker (done reading the statement) and this thread take partitions
 * in turn from a shared counter, each joining (and, for text, writing) the ones it took; this thread
 * passes the batches on in partition order, adding the worker's totals, so the output is exactly one
 * thread's. Either thread stays within {@link joinWindow} of the partition being passed on. A
 * partition the worker failed on, or never sent (it died), is joined again here, so entries and
 * errors are those of one thread. `hooks.count` hears of each partition's chunk bytes (see
 * `JoinScratch.chunkBytes`), `hooks.joined` of each partition passed on as the worker joined it.
 *
 * @example
 * for await (const batch of joinOnTwoThreads(join, worker, job, tally, { count: () => {} })) write(batch)
 */
export async function* joinOnTwoThreads(
  join: StoredJoin,
  worker: ScanInWorker,
  job: Omit<JoinJob, 'control' | 'window' | 'windowKiB' | 'written' | 'results'>,
  tally: Tally,
  hooks: { count(chunkBytes: number): void; joined?(partition: number): void },
): AsyncGenerator<EntryBatch> {
  const { count } = hooks
  const partitions = job.partitions
  const control = new Int32Array(new SharedArrayBuffer(4 * joinControl.words))
  /** Joined partitions not passed on yet; `undefined`: failed, to be joined here. */
  const ready = new Map<
    number,
    { batch: EntryBatch; totals: Tally['totals']; chunkBytes: number; mine?: boolean } | undefined
  >()
  let gone = false
  // The worker's text memory goes back to it once passed on (and written: see `EntryText`).
  const written = new MessageChannel()
  // Its partitions come on a port of their own, taken synchronously whenever this thread decides
  // what to do next: one it has finished is never joined again here.
  const results = new MessageChannel()
  const take = () => {
    for (let message = receiveMessageOnPort(results.port1); message !== undefined; ) {
      const joined = message.message as JoinedPartition
      ready.set(joined.partition, 'failed' in joined ? undefined : joined)
      message = receiveMessageOnPort(results.port1)
    }
  }
  const giveBack = (batch: EntryBatch) => {
    if (Array.isArray(batch) || gone) return
    for (const bytes of [batch.json, batch.csv])
      if (bytes.byteLength > 0) written.port1.postMessage(bytes, [bytes.buffer as ArrayBuffer])
  }
  worker.join(
    {
      ...job,
      control: control.buffer as SharedArrayBuffer,
      window: joinWindow.partitions,
      windowKiB: joinWindow.kib,
      written: written.port2,
      results: results.port2,
    },
    () => {
      gone = true
      // Wakes this thread if it waits for the worker's next partition.
      Atomics.notify(control, joinControl.sent)
    },
  )
  const ahead = (q: number) => {
    const output = join.joinAhead(q, tally.includeMatched)
    if (output.error === undefined) ready.set(q, { ...output, mine: true })
    else {
      join.release(output.batch)
      ready.set(q, undefined)
    }
  }
  try {
    for (let p = 0; p < partitions; p++) {
      let here = false
      for (take(); !ready.has(p); take()) {
        const next = Atomics.load(control, joinControl.next)
        if (p >= next) {
          // Nobody has it yet: take it (unless the worker takes it first; then take the next one).
          const q = Atomics.add(control, joinControl.next, 1)
          if (q === p) {
            here = true
            break
          }
          if (q < partitions) ahead(q)
        } else if (gone) {
          // The worker took it but will not send it (all it sent is taken).
          here = true
          break
        } else if (next < partitions && next < p + joinWindow.partitions) {
          // The worker is joining it: join the next free one meanwhile.
          const q = Atomics.add(control, joinControl.next, 1)
          if (q < partitions) ahead(q)
        } else {
          const sent = Atomics.load(control, joinControl.sent)
          take()
          if (!ready.has(p) && !gone) await waitAsync(control, joinControl.sent, sent)
        }
      }
      const joined = here ? undefined : ready.get(p)
      ready.delete(p)
      if (joined !== undefined) {
        addTotals(tally.totals, joined.totals)
        count(joined.chunkBytes)
        if (!emptyBatch(joined.batch)) yield joined.batch
        if (joined.mine) join.release(joined.batch)
        else {
          hooks.joined?.(p)
          Atomics.sub(control, joinControl.heldKiB, batchKiB(joined.batch))
          giveBack(joined.batch)
        }
      } else {
        const output = join.join(p, tally)
        count(output.chunkBytes)
        if (!emptyBatch(output.batch)) yield output.batch
        if (output.error !== undefined) throw output.error
        join.release(output.batch)
      }
      Atomics.store(control, joinControl.passed, p + 1)
      Atomics.notify(control, joinControl.passed)
    }
  } finally {
    written.port1.close()
    results.port1.close()
  }
}

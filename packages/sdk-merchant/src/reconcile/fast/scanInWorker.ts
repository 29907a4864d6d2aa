import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { type JoinJob, joinControl } from './joinJob.js'
import type { ScanJob, ScanResult } from './scanJob.js'

/**
 * Where the scan worker is, beside the running module: `scanWorker.ts` when running from the sources
 * (vitest, tsx: the worker registers tsx first), `reconcileScanWorker.cjs` next to the CJS build,
 * `reconcileScanWorker.js` (or `.mjs`) next to the ESM build and the CLI. `undefined` when it is not
 * there (the SDK bundled into something else): the run then stays on one thread.
 */
export function scanWorkerFile(): { file: string; source: boolean } | undefined {
  const self = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url)
  const here = dirname(self)
  if (self.endsWith('.ts')) {
    const file = join(here, 'scanWorker.ts')
    return existsSync(file) ? { file, source: true } : undefined
  }
  const names = self.endsWith('.cjs')
    ? ['reconcileScanWorker.cjs']
    : ['reconcileScanWorker.js', 'reconcileScanWorker.mjs']
  for (const name of names) {
    const file = join(here, name)
    if (existsSync(file)) return { file, source: false }
  }
  return undefined
}

/**
 * A scan running on another thread: its result (`undefined` if it failed), then, if asked, its share
 * of the join; and a way to stop it.
 */
export interface ScanInWorker {
  /** The header's fields once the worker has read them (`undefined` if it fails first). */
  header: Promise<string[] | undefined>
  result: Promise<ScanResult | undefined>
  /**
   * Once the scan has a result: asks the worker to join partitions too (see {@link JoinJob}: it
   * sends them on `job.results`). `onGone` hears once it will send no more (it finished, failed or
   * died).
   */
  join(job: JoinJob, onGone: () => void): void
  stop(): Promise<void>
}

/**
 * Runs a {@link ScanJob} on a worker thread; `onProgress` hears of its lines as they are read.
 * `undefined` when there is no worker file to run.
 *
 * @example
 * const scan = scanInWorker(job, (line) => progress(line))
 * const result = await scan!.result
 */
export function scanInWorker(job: ScanJob, onProgress?: (line: number) => void): ScanInWorker | undefined {
  const where = scanWorkerFile()
  if (where === undefined) return undefined
  // The entries the worker joins die young: a small young generation keeps its heap (and the
  // process's peak memory) small at no cost in time.
  const resourceLimits = { maxYoungGenerationSizeMb: 12 }
  // Node 20 does not apply `--import tsx` to a worker's entry file: register tsx, then import it.
  const worker = where.source
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(where.file).href)}) })`,
        { eval: true, workerData: job, resourceLimits },
      )
    : new Worker(where.file, { workerData: job, resourceLimits })
  let joining: { onGone: () => void; control: Int32Array } | undefined
  let gone = false
  const leave = () => {
    if (gone) return
    gone = true
    joining?.onGone()
  }
  let heard: (fields: string[] | undefined) => void = () => {}
  const header = new Promise<string[] | undefined>((resolve) => {
    heard = resolve
  })
  const result = new Promise<ScanResult | undefined>((resolve) => {
    let settled = false
    const settle = (value: ScanResult | undefined) => {
      if (settled) return
      settled = true
      heard(value?.header)
      resolve(value)
    }
    worker.on(
      'message',
      (message: { progress?: number; header?: string[]; result?: ScanResult; finished?: true }) => {
        if (message.finished !== undefined) leave()
        else if (message.progress !== undefined) onProgress?.(message.progress)
        else if (message.header !== undefined) heard(message.header)
        else if (message.result !== undefined) settle(message.result)
        else settle(undefined)
      },
    )
    // A worker that cannot start or dies: the caller reads the side (or joins the partitions) itself.
    const died = () => {
      settle(undefined)
      leave()
    }
    worker.on('error', died)
    worker.on('exit', died)
  })
  return {
    header,
    result,
    join(job, onGone) {
      joining = { onGone, control: new Int32Array(job.control) }
      if (gone) onGone()
      else worker.postMessage({ join: job }, [job.written, job.results])
    },
    stop: async () => {
      // A worker waiting for the main thread to catch up is woken to see the stop.
      if (joining !== undefined) {
        Atomics.store(joining.control, joinControl.stop, 1)
        Atomics.notify(joining.control, joinControl.passed)
      }
      await worker.terminate()
    },
  }
}

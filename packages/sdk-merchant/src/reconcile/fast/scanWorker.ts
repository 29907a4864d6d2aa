import { parentPort, workerData } from 'node:worker_threads'
import { runScanJob, type ScanJob } from './scanJob.js'

/**
 * The worker thread of {@link import('./scanInWorker.js').scanInWorker}: runs one scan job and
 * posts its progress, then its result with the chunks' buffers transferred (not copied). On failure
 * it posts only that it failed: the caller reads the side again itself, so the error is the one a
 * single thread would raise.
 */
async function main(): Promise<void> {
  const port = parentPort!
  try {
    const result = await runScanJob(workerData as ScanJob, (line) => port.postMessage({ progress: line }))
    const buffers = new Set<ArrayBuffer>()
    for (const parts of result.contents.parts)
      for (const part of parts) buffers.add(part.buffer as ArrayBuffer)
    port.postMessage({ result }, [...buffers])
  } catch {
    port.postMessage({ failed: true })
  }
}

void main()

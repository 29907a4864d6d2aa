import { parentPort, workerData } from 'node:worker_threads'
import { type JoinJob, runJoinJob } from './joinJob.js'
import { runScanJob, type ScanJob } from './scanJob.js'

/**
 * The worker thread of {@link import('./scanInWorker.js').scanInWorker}: runs one scan job, posts
 * its progress, then its result (the records stay in shared memory and temp files). On failure it
 * posts only that it failed: the caller reads the side again itself, so the error is the one a
 * single thread would raise. Then, if the caller asks, it joins its share of the partitions (see
 * {@link runJoinJob}), then posts that it has finished.
 */
async function main(): Promise<void> {
  const port = parentPort!
  try {
    const result = await runScanJob(
      workerData as ScanJob,
      (line) => port.postMessage({ progress: line }),
      (header) => port.postMessage({ header }),
    )
    port.postMessage({ result })
  } catch {
    port.postMessage({ failed: true })
    return
  }
  port.once('message', (message: { join?: JoinJob }) => {
    if (message.join === undefined) return
    try {
      runJoinJob(message.join)
    } catch {
      // Whatever was not posted is joined by the main thread.
    }
    port.postMessage({ finished: true })
  })
}

void main()

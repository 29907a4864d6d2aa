/**
 * What both chaos runs (`chaosRun.ts` over the reference door, `cmbChaosRun.ts` over the CMB door)
 * share: the seeded workload generator, the attempt budgets, driving a step to a final answer, and
 * the printed table. Nothing here reads the wall clock to decide anything.
 */
import { EcnyError } from '@ecny/sdk-core'

/** Error codes of a call that may simply be tried again. */
export const transientCodes = new Set([
  'rate_limited',
  'service_unavailable',
  'gateway_error',
  'connection_error',
  'timeout',
  'request_in_progress',
])

/** A small seeded generator (xorshift32), so the same seed gives the same workload. */
export function seeded(seed: number) {
  let state = seed >>> 0 || 1
  return (max: number) => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) % max
  }
}

/** Lets other operations run between a failure and the next try; no wall-clock wait. */
export const yieldTurn = () => new Promise((resolve) => setImmediate(resolve))

/** Attempts per logical step before it counts as thrown, and later resolution jobs per order. */
export const maxRounds = 40
export const maxResolutionJobs = 20

/**
 * `persist(what, attempt, settle?)` runs `attempt` until it returns: after the SDK's own retries, a
 * transient failure is tried again and an unknown outcome goes to `settle` (which returns the
 * settled value, or `undefined` to try again); anything else is thrown. Each is tallied in `count`.
 */
export function createPersist(count: (name: string) => void) {
  return async function persist<T>(
    what: string,
    attempt: () => Promise<T>,
    settle?: (error: EcnyError) => Promise<T | undefined>,
  ): Promise<T> {
    for (let round = 0; ; round++) {
      try {
        return await attempt()
      } catch (error) {
        if (!(error instanceof EcnyError)) throw error
        if (error.code === 'result_unknown') count(`${what}: result_unknown settled`)
        else if (transientCodes.has(error.code) || error.retryable)
          count(`${what}: gave up after SDK retries, again`)
        else throw error
        if (round >= maxRounds) throw error
        const settled = error.code === 'result_unknown' && settle ? await settle(error) : undefined
        if (settled !== undefined) return settled
        await yieldTurn()
      }
    }
  }
}

/** Runs `work` with at most `concurrency` in flight; returns what threw. */
export async function runPool(
  work: Array<() => Promise<void>>,
  concurrency: number,
  progress?: (done: number) => void,
): Promise<unknown[]> {
  let next = 0
  let done = 0
  const failures: unknown[] = []
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < work.length) {
        const task = work[next++]!
        try {
          await task()
        } catch (error) {
          failures.push(error)
        }
        progress?.(++done)
      }
    }),
  )
  return failures
}

/** The run's figures as a Markdown table (for the CI log). */
export function chaosTable(title: string, rows: Array<[string, string | number]>): string {
  const width = Math.max(title.length, ...rows.map(([name]) => name.length))
  return [
    `| ${title.padEnd(width)} | value |`,
    `|${'-'.repeat(width + 2)}|-------|`,
    ...rows.map(([name, value]) => `| ${name.padEnd(width)} | ${value} |`),
  ].join('\n')
}

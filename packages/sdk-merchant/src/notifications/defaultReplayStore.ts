import { createLogger, type Logger } from '@ecny/sdk-core'
import { createMemoryReplayStore, type MemoryReplayStore } from './replayStore.js'

let warned = false

/**
 * Says once per process, through the SDK's console logger (or `logger`), that the in-memory replay
 * store is in use while `NODE_ENV` is `production`: behind a load balancer each instance would
 * remember only its own deliveries, so a notification could be applied once per instance.
 *
 * @example
 * warnMemoryReplayStoreInProduction() // logs at most once, only when NODE_ENV=production
 */
export function warnMemoryReplayStoreInProduction(logger: Logger = createLogger({ level: 'warn' })): void {
  if (warned || globalThis.process?.env?.NODE_ENV !== 'production') return
  warned = true
  logger.warn(
    'e-CNY notifications: the replay store is the in-memory default, which one process alone sees. ' +
      'With several instances (a load balancer, a cluster, serverless) a notification can be applied ' +
      'once per instance: pass replayStore: createRedisReplayStore({ redis }) from @ecny/store-redis ' +
      '(or your own shared ReplayStore), or replayStore: false to de-duplicate in your own database.',
  )
}

/** For tests: lets the next {@link warnMemoryReplayStoreInProduction} call warn again. */
export function resetMemoryReplayStoreWarning(): void {
  warned = false
}

/**
 * The store used when no `replayStore` is passed: an in-memory one, with the production warning.
 *
 * @example
 * const replayStore = options.replayStore === undefined ? createDefaultReplayStore() : options.replayStore
 */
export function createDefaultReplayStore(): MemoryReplayStore {
  warnMemoryReplayStoreInProduction()
  return createMemoryReplayStore()
}

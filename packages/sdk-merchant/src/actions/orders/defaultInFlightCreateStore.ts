import { createLogger, type Logger } from '@ecny/sdk-core'
import { createMemoryInFlightCreateStore, type MemoryInFlightCreateStore } from './inFlightCreateStore.js'

let warned = false

/**
 * Says once per process, through the SDK's console logger (or `logger`), that the in-memory record
 * of in-flight creates is in use while `NODE_ENV` is `production`: a create that ended in
 * `result_unknown` is then forgotten when the process restarts, and other instances never see it.
 *
 * @example
 * warnMemoryInFlightCreateStoreInProduction() // logs at most once, only when NODE_ENV=production
 */
export function warnMemoryInFlightCreateStoreInProduction(
  logger: Logger = createLogger({ level: 'warn' }),
): void {
  if (warned || globalThis.process?.env?.NODE_ENV !== 'production') return
  warned = true
  logger.warn(
    'e-CNY orders: the record of in-flight creates is the in-memory default, which one process alone ' +
      'sees and a restart forgets: an order whose creation ended in result_unknown is then never ' +
      'settled by recoverInFlightCreates. Pass inFlightCreates: createRedisInFlightCreateStore({ redis }) ' +
      'from @ecny/store-redis (or your own shared InFlightCreateStore), or inFlightCreates: false to ' +
      'keep that record in your own database.',
  )
}

/** For tests: lets the next {@link warnMemoryInFlightCreateStoreInProduction} call warn again. */
export function resetMemoryInFlightCreateStoreWarning(): void {
  warned = false
}

/**
 * The store a merchant client uses when no `inFlightCreates` is passed: an in-memory one, with the
 * production warning.
 *
 * @example
 * const inFlight = config.inFlightCreates ?? createDefaultInFlightCreateStore()
 */
export function createDefaultInFlightCreateStore(): MemoryInFlightCreateStore {
  warnMemoryInFlightCreateStoreInProduction()
  return createMemoryInFlightCreateStore()
}

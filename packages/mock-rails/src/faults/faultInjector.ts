import { mulberry32, normalizeSeed, type RandomSource } from '../support/mulberry32.js'

/** Faults for all routes, or for one route. Rates are probabilities from 0 to 1. */
export type FaultSettings = {
  /** Real milliseconds added before a request is processed. */
  latencyMs?: number
  /** Share of requests answered 503 `service_unavailable` before anything is applied. */
  rate5xx?: number
  /** Share of requests answered 429 `rate_limited` with `Retry-After`, before anything is applied. */
  rate429?: number
  /**
   * Share of requests fully applied (and their idempotency record stored) whose answer is lost. Only
   * the first answer: a retry with the same `Idempotency-Key` is answered from the idempotency record
   * and arrives, so the SDK's own retry succeeds. (A request without a key is new every time.)
   */
  dropAfterCommit?: number
  /**
   * Share of attempts whose answer is lost, the answers replayed from the idempotency record
   * included: at 1 every retry is lost too and the SDK ends in `result_unknown`. Implies
   * `dropAfterCommit` at the same rate for the first attempt.
   */
  dropEveryAnswer?: number
  /** Share of notification deliveries sent twice. */
  duplicateNotifications?: number
  /** Share of delivery rounds whose due notifications go out shuffled. */
  reorderNotifications?: number
}

/**
 * Global faults plus per-route overrides keyed `"METHOD /path/template"` as in the route table
 * (e.g. `'POST /v1/orders'`, `'POST /v1/orders/{id}/pay'`).
 */
export type FaultOptions = FaultSettings & { routes?: Record<string, FaultSettings> }

export type FaultDecision = {
  latencyMs: number
  reject: 429 | 503 | null
  /** Lose the answer of a request the rails applied (a first attempt, not a replay). */
  dropAfterCommit: boolean
  /** Lose the answer even when it comes from the idempotency record (a retry's replay). */
  dropReplay: boolean
}

/** Seconds a faulted 429 asks the client to wait. */
export const faultRetryAfterSeconds = 1

/** Identities remembered for attempt counting; the oldest are forgotten beyond this. */
const maxRememberedIdentities = 200_000

/**
 * Decides, from the seed, which requests fail and how. A request that names its identity (its
 * idempotency key, or its method, path and query) draws from a generator seeded by the seed, that
 * identity and how many times it was seen before — so the same seed gives the same request the same
 * faults on every attempt, whatever order concurrent requests arrive in, and a failing run replays.
 * Without an identity, requests draw from one seeded sequence (three numbers each, whatever is
 * configured), which replays only if the requests come in the same order.
 *
 * @example
 * const faults = createFaultInjector(7, { dropEveryAnswer: 1 })
 * faults.decide('POST /v1/orders', 'key-1') // { dropAfterCommit: true, dropReplay: true, … }
 */
export function createFaultInjector(seed: number, initial: FaultOptions = {}) {
  const sequence: RandomSource = mulberry32(seed)
  const attempts = new Map<string, number>()
  let options: FaultOptions = { ...initial }
  const settingsFor = (routeKey: string): FaultSettings => ({ ...options, ...options.routes?.[routeKey] })
  const sourceFor = (routeKey: string, identity: string | undefined): RandomSource => {
    if (identity === undefined) return sequence
    const name = `${routeKey} ${identity}`
    const attempt = attempts.get(name) ?? 0
    attempts.delete(name) // re-inserted last: the map's order is least recently seen first
    attempts.set(name, attempt + 1)
    if (attempts.size > maxRememberedIdentities) attempts.delete(attempts.keys().next().value!)
    return mulberry32(normalizeSeed(`${seed >>> 0} ${attempt} ${name}`))
  }
  return {
    /**
     * The faults for one request to `routeKey`; `identity` (see above) makes them independent of
     * the arrival order of other requests.
     */
    decide(routeKey: string, identity?: string): FaultDecision {
      const s = settingsFor(routeKey)
      const random = sourceFor(routeKey, identity)
      const r429 = random.next()
      const r5xx = random.next()
      const rDrop = random.next()
      const dropEvery = rDrop < (s.dropEveryAnswer ?? 0)
      return {
        latencyMs: s.latencyMs ?? 0,
        reject: r429 < (s.rate429 ?? 0) ? 429 : r5xx < (s.rate5xx ?? 0) ? 503 : null,
        dropAfterCommit: dropEvery || rDrop < (s.dropAfterCommit ?? 0),
        dropReplay: dropEvery,
      }
    },
    /** Current settings (notification faults are read from here on each delivery). */
    get(): FaultOptions {
      return options
    },
    /** Replaces the settings at run time (the sequence of draws continues). */
    set(next: FaultOptions): void {
      options = { ...next }
    },
  }
}

export type FaultInjector = ReturnType<typeof createFaultInjector>

import { mulberry32, type RandomSource } from '../support/mulberry32.js'

/** Faults for all routes, or for one route. Rates are probabilities from 0 to 1. */
export type FaultSettings = {
  /** Real milliseconds added before a request is processed. */
  latencyMs?: number
  /** Share of requests answered 503 `service_unavailable` before anything is applied. */
  rate5xx?: number
  /** Share of requests answered 429 `rate_limited` with `Retry-After`, before anything is applied. */
  rate429?: number
  /** Share of requests fully applied (and their idempotency record stored) whose response is lost. */
  dropAfterCommit?: number
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

export type FaultDecision = { latencyMs: number; reject: 429 | 503 | null; dropAfterCommit: boolean }

/** Seconds a faulted 429 asks the client to wait. */
export const faultRetryAfterSeconds = 1

/**
 * Decides, from a seeded generator, which requests fail and how. Every request draws exactly three
 * numbers whatever is configured, so the same seed and the same request sequence give the same
 * faults, and a failing run can be replayed.
 */
export function createFaultInjector(seed: number, initial: FaultOptions = {}) {
  const random: RandomSource = mulberry32(seed)
  let options: FaultOptions = { ...initial }
  const settingsFor = (routeKey: string): FaultSettings => ({ ...options, ...options.routes?.[routeKey] })
  return {
    decide(routeKey: string): FaultDecision {
      const s = settingsFor(routeKey)
      const r429 = random.next()
      const r5xx = random.next()
      const rDrop = random.next()
      return {
        latencyMs: s.latencyMs ?? 0,
        reject: r429 < (s.rate429 ?? 0) ? 429 : r5xx < (s.rate5xx ?? 0) ? 503 : null,
        dropAfterCommit: rDrop < (s.dropAfterCommit ?? 0),
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

/**
 * One `createOrder` that was sent and has no final answer yet: if the process dies or the call ends in
 * `result_unknown`, a recovery job settles it with `resolveUnknownOutcome` (same number, never a new one).
 */
export type InFlightCreate = {
  merchantOrderNo: string
  /** For platform merchants acting for a sub-merchant; omit otherwise. */
  merchantId?: string
  /** The `Idempotency-Key` the create was sent with, if you keep it for your records. */
  idempotencyKey?: string
  /** When the create was sent, in ms since the epoch. */
  startedAt: number
  /**
   * What was sent (the checked `createOrder` parameters, plain JSON): to create the order again with
   * the **same** number when recovery finds the gateway never made it.
   */
  request?: InFlightCreateRequest
}

/** The `createOrder` parameters of an in-flight create, as checked and sent (JSON values only). */
export type InFlightCreateRequest = { merchantOrderNo: string; mode: string; amount: number } & Record<
  string,
  unknown
>

/** Which create a {@link InFlightCreateStore.clear} is about. */
export type InFlightCreateRef = Pick<InFlightCreate, 'merchantOrderNo' | 'merchantId'>

export type UnresolvedCreatesQuery = {
  /** Only creates sent before this time (ms since the epoch), e.g. `Date.now() - 60_000`. */
  startedBefore?: number
  /** At most this many, oldest first. Default 100. */
  limit?: number
}

/**
 * Where creates in flight are written down before they are sent and struck out once a final answer
 * came back, so a recovery job (on any instance) can find those that ended in `result_unknown` or in a
 * crash. Sync or async; each operation atomic on its own. `record` of the same order again replaces it.
 *
 * @example
 * const started = { merchantOrderNo: 'A-1001', startedAt: Date.now() }
 * await inFlight.record(started)
 * const order = await createOrder(client, { merchantOrderNo: 'A-1001', amountFen: 1_000, ... })
 * await inFlight.clear(started) // a final answer (an order or a definite error): nothing to recover
 * // In a recovery job, every minute:
 * for (const create of await inFlight.unresolved({ startedBefore: Date.now() - 60_000 })) {
 *   await resolveUnknownOutcome(client, create)
 *   await inFlight.clear(create)
 * }
 */
export interface InFlightCreateStore {
  record(create: InFlightCreate): void | Promise<void>
  clear(create: InFlightCreateRef): void | Promise<void>
  unresolved(query?: UnresolvedCreatesQuery): readonly InFlightCreate[] | Promise<readonly InFlightCreate[]>
}

/** The default number of creates {@link InFlightCreateStore.unresolved} returns. */
export const defaultUnresolvedLimit = 100

/**
 * The key a store files a create under: the merchant id and the order number, unambiguously.
 *
 * @example
 * inFlightCreateKey({ merchantOrderNo: 'A-1001' }) // '[null,"A-1001"]'
 */
export function inFlightCreateKey(create: InFlightCreateRef): string {
  return JSON.stringify([create.merchantId ?? null, create.merchantOrderNo])
}

export type MemoryInFlightCreateStore = InFlightCreateStore & { readonly size: number }

/**
 * An in-memory {@link InFlightCreateStore}: fine for one process that does not restart; with several
 * instances, or to survive a crash, use a shared one (`createRedisInFlightCreateStore` from
 * `@ecny/store-redis`).
 *
 * @example
 * const inFlight = createMemoryInFlightCreateStore()
 * inFlight.record({ merchantOrderNo: 'A-1001', startedAt: Date.now() })
 * inFlight.unresolved() // [{ merchantOrderNo: 'A-1001', startedAt: … }]
 */
export function createMemoryInFlightCreateStore(): MemoryInFlightCreateStore {
  const creates = new Map<string, InFlightCreate>()
  return {
    record(create) {
      creates.set(inFlightCreateKey(create), structuredClone(create))
    },
    clear(create) {
      creates.delete(inFlightCreateKey(create))
    },
    unresolved(query = {}) {
      const before = query.startedBefore ?? Number.POSITIVE_INFINITY
      return [...creates.values()]
        .filter((create) => create.startedAt < before)
        .sort((a, b) => a.startedAt - b.startedAt)
        .slice(0, query.limit ?? defaultUnresolvedLimit)
        .map((create) => structuredClone(create))
    },
    get size() {
      return creates.size
    },
  }
}

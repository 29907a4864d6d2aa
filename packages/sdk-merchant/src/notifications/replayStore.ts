/**
 * What {@link ReplayStore.claim} found: `claimed` (this caller holds the id now), `in_progress`
 * (another delivery holds it and has not finished) or `done` (handled and committed before).
 */
export type ReplayClaim = 'claimed' | 'in_progress' | 'done'

/**
 * Where notification ids are claimed while a handler runs and remembered once it succeeded, so a
 * notification is applied once however often it is delivered — and applied again if its handler
 * failed. Three small operations, sync or async, each atomic on its own:
 *
 * - `claim(id, token, ttlMs)`: take the id for `ttlMs` (a crashed process's claim lapses) unless it
 *   is held or done — Redis `SET ecny:evt:<id> <token> NX PX <ttlMs>`, then `GET` to tell `done`
 *   from `in_progress` when the `SET` did nothing.
 * - `commit(id, token, ttlMs)`: the handler succeeded: remember the id as done for `ttlMs` (longer
 *   than the gateway's retry schedule), if `token` still holds it or the claim lapsed unclaimed — a
 *   Lua compare-and-set.
 * - `release(id, token)`: the handler failed: forget the id, if `token` still holds it, so the
 *   gateway's retry is accepted — a Lua compare-and-delete.
 *
 * @example
 * // A Redis store (ioredis), shared by every instance of your service:
 * const ifHeld = (then: string, orFree = false) =>
 *   `local v = redis.call('get', KEYS[1]) if v == ARGV[1]${orFree ? ' or not v' : ''} then ${then} end`
 * const redisReplayStore: ReplayStore = {
 *   async claim(id, token, ttlMs) {
 *     if ((await redis.set(`ecny:evt:${id}`, token, 'PX', ttlMs, 'NX')) === 'OK') return 'claimed'
 *     return (await redis.get(`ecny:evt:${id}`)) === 'done' ? 'done' : 'in_progress'
 *   },
 *   commit: async (id, token, ttlMs) =>
 *     void (await redis.eval(ifHeld("redis.call('set', KEYS[1], 'done', 'PX', ARGV[2])", true), 1, `ecny:evt:${id}`, token, ttlMs)),
 *   release: async (id, token) =>
 *     void (await redis.eval(ifHeld("redis.call('del', KEYS[1])"), 1, `ecny:evt:${id}`, token)),
 * }
 */
export interface ReplayStore {
  claim(id: string, token: string, ttlMs: number): ReplayClaim | Promise<ReplayClaim>
  commit(id: string, token: string, ttlMs: number): void | Promise<void>
  release(id: string, token: string): void | Promise<void>
}

export type MemoryReplayStoreOptions = {
  /** Most ids kept; the oldest are forgotten first. Default 50 000 (a few MB). */
  maxEntries?: number
  /** Clock in ms, for tests. Default `Date.now`. */
  now?: () => number
}

export type MemoryReplayStore = ReplayStore & { readonly size: number; clear(): void }

/** The value of a committed id (a claim holds its token instead). */
const done = 'done'

/**
 * An in-memory {@link ReplayStore}: claims and committed ids expire after their TTL and at most
 * `maxEntries` are kept. Fine for one process; with several instances behind a load balancer use a
 * shared store: `createRedisReplayStore` from `@ecny/store-redis` (or your own, see {@link ReplayStore}).
 *
 * @example
 * const replayStore = createMemoryReplayStore({ maxEntries: 10_000 })
 * const handler = createNodeNotificationHandler({ gatewayKeys, replayStore, handle: applyEvent })
 */
export function createMemoryReplayStore(options: MemoryReplayStoreOptions = {}): MemoryReplayStore {
  const maxEntries = Math.max(1, options.maxEntries ?? 50_000)
  const now = options.now ?? Date.now
  // Insertion order ≈ expiry order; expired entries are dropped lazily.
  const entries = new Map<string, { value: string; expiresAt: number }>()
  const sweep = () => {
    const at = now()
    for (const [id, entry] of entries) {
      if (entry.expiresAt > at && entries.size <= maxEntries) break
      entries.delete(id)
    }
  }
  const live = (id: string) => {
    const entry = entries.get(id)
    if (entry === undefined) return undefined
    if (entry.expiresAt <= now()) {
      entries.delete(id)
      return undefined
    }
    return entry
  }
  const set = (id: string, value: string, ttlMs: number) => {
    entries.delete(id)
    entries.set(id, { value, expiresAt: now() + ttlMs })
    sweep()
  }
  return {
    claim(id, token, ttlMs) {
      const entry = live(id)
      if (entry !== undefined) return entry.value === done ? 'done' : 'in_progress'
      set(id, token, ttlMs)
      return 'claimed'
    },
    commit(id, token, ttlMs) {
      const value = live(id)?.value
      if (value === token || value === undefined) set(id, done, ttlMs)
    },
    release(id, token) {
      if (live(id)?.value === token) entries.delete(id)
    },
    get size() {
      return entries.size
    },
    clear() {
      entries.clear()
    },
  }
}

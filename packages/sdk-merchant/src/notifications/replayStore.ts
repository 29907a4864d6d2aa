/**
 * Where verified notification ids are remembered, so a notification delivered (or replayed) twice is
 * recognised. Methods may be sync or async.
 *
 * - `has(id)` / `add(id, ttlSeconds)`: the minimum.
 * - `claim(id, ttlSeconds)` (optional, preferred for shared stores): atomically remember the id and
 *   return `true`, or return `false` if it was already there — Redis `SET key 1 NX EX ttl`.
 * - `delete(id)` (optional): forget an id, so a notification whose processing failed is accepted when
 *   the gateway retries it.
 *
 * @example
 * // A Redis store (ioredis), shared by every instance of your service:
 * const redisReplayStore: ReplayStore = {
 *   has: async (id) => (await redis.exists(`ecny:evt:${id}`)) === 1,
 *   add: async (id, ttl) => void (await redis.set(`ecny:evt:${id}`, '1', 'EX', ttl)),
 *   claim: async (id, ttl) => (await redis.set(`ecny:evt:${id}`, '1', 'EX', ttl, 'NX')) === 'OK',
 *   delete: async (id) => void (await redis.del(`ecny:evt:${id}`)),
 * }
 */
export interface ReplayStore {
  has(id: string): boolean | Promise<boolean>
  add(id: string, ttlSeconds: number): void | Promise<void>
  claim?(id: string, ttlSeconds: number): boolean | Promise<boolean>
  delete?(id: string): void | Promise<void>
}

export type MemoryReplayStoreOptions = {
  /** Most ids kept; the oldest are forgotten first. Default 50 000 (a few MB). */
  maxEntries?: number
  /** Clock in ms, for tests. Default `Date.now`. */
  now?: () => number
}

export type MemoryReplayStore = Required<ReplayStore> & { readonly size: number; clear(): void }

/**
 * An in-memory {@link ReplayStore}: ids expire after their TTL and at most `maxEntries` are kept.
 * Fine for one process; with several instances behind a load balancer use a shared store (Redis).
 *
 * @example
 * const replayStore = createMemoryReplayStore({ maxEntries: 10_000 })
 * const event = await verifyNotification(rawBody, headers, { gatewayKeys, replayStore })
 */
export function createMemoryReplayStore(options: MemoryReplayStoreOptions = {}): MemoryReplayStore {
  const maxEntries = Math.max(1, options.maxEntries ?? 50_000)
  const now = options.now ?? Date.now
  // Insertion order = expiry order when TTLs are equal; expired entries are dropped lazily.
  const expiries = new Map<string, number>()
  const sweep = () => {
    const at = now()
    for (const [id, expiresAt] of expiries) {
      if (expiresAt > at && expiries.size <= maxEntries) break
      expiries.delete(id)
    }
  }
  const has = (id: string) => {
    const expiresAt = expiries.get(id)
    if (expiresAt === undefined) return false
    if (expiresAt <= now()) {
      expiries.delete(id)
      return false
    }
    return true
  }
  const add = (id: string, ttlSeconds: number) => {
    expiries.delete(id)
    expiries.set(id, now() + ttlSeconds * 1000)
    sweep()
  }
  return {
    has,
    add,
    claim(id, ttlSeconds) {
      if (has(id)) return false
      add(id, ttlSeconds)
      return true
    },
    delete(id) {
      expiries.delete(id)
    },
    get size() {
      return expiries.size
    },
    clear() {
      expiries.clear()
    },
  }
}

import {
  defaultUnresolvedLimit,
  type InFlightCreate,
  type InFlightCreateStore,
  inFlightCreateKey,
} from '@ecny/sdk-merchant'
import type { RedisClient } from './redisClient.js'

export type RedisInFlightCreateStoreOptions = {
  /** A connected ioredis client. */
  redis: RedisClient
  /**
   * Names the store's two keys, `{<keyPrefix>}:index` (a sorted set by start time) and
   * `{<keyPrefix>}:data` (a hash); the braces keep both in one Redis Cluster slot. Default `ecny:inflight`.
   */
  keyPrefix?: string
}

// KEYS[1] index, KEYS[2] data; ARGV[1] the create's key, ARGV[2] its start time, ARGV[3] its JSON.
const recordScript = `
redis.call('zadd', KEYS[1], ARGV[2], ARGV[1])
redis.call('hset', KEYS[2], ARGV[1], ARGV[3])
return 0`

const clearScript = `
redis.call('zrem', KEYS[1], ARGV[1])
redis.call('hdel', KEYS[2], ARGV[1])
return 0`

// ARGV[1] the score bound ('+inf' or '(<startedBefore>'), ARGV[2] the limit. Oldest first.
const unresolvedScript = `
local keys = redis.call('zrangebyscore', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
local creates = {}
for i, key in ipairs(keys) do
  local create = redis.call('hget', KEYS[2], key)
  if create then creates[#creates + 1] = create end
end
return creates`

/** Only the fields of an {@link InFlightCreate}, in its order, whatever else a stored value holds. */
function toInFlightCreate(json: string): InFlightCreate {
  const stored = JSON.parse(json) as InFlightCreate
  return {
    merchantOrderNo: stored.merchantOrderNo,
    ...(stored.merchantId === undefined ? {} : { merchantId: stored.merchantId }),
    ...(stored.idempotencyKey === undefined ? {} : { idempotencyKey: stored.idempotencyKey }),
    startedAt: stored.startedAt,
    ...(stored.request === undefined ? {} : { request: stored.request }),
  }
}

/**
 * An {@link InFlightCreateStore} in Redis: creates recorded on one instance are found by a recovery
 * job on any other, and survive a restart. Each operation is one Lua script (atomic on the server).
 * Records stay until cleared: a recovery job settles each with `resolveUnknownOutcome`, then clears it.
 *
 * @example
 * import { Redis } from 'ioredis'
 * import { createRedisInFlightCreateStore } from '@ecny/store-redis'
 *
 * const inFlight = createRedisInFlightCreateStore({ redis: new Redis(process.env.REDIS_URL) })
 * for (const create of await inFlight.unresolved({ startedBefore: Date.now() - 60_000 })) {
 *   await resolveUnknownOutcome(client, create)
 *   await inFlight.clear(create)
 * }
 */
export function createRedisInFlightCreateStore(
  options: RedisInFlightCreateStoreOptions,
): InFlightCreateStore {
  const { redis } = options
  const prefix = `{${options.keyPrefix ?? 'ecny:inflight'}}`
  const index = `${prefix}:index`
  const data = `${prefix}:data`
  return {
    async record(create) {
      await redis.eval(
        recordScript,
        2,
        index,
        data,
        inFlightCreateKey(create),
        create.startedAt,
        JSON.stringify(create),
      )
    },
    async clear(create) {
      await redis.eval(clearScript, 2, index, data, inFlightCreateKey(create))
    },
    async unresolved(query = {}) {
      const bound = query.startedBefore === undefined ? '+inf' : `(${query.startedBefore}`
      const limit = query.limit ?? defaultUnresolvedLimit
      const found = (await redis.eval(unresolvedScript, 2, index, data, bound, limit)) as string[]
      return found.map(toInFlightCreate)
    },
  }
}

import type { ReplayClaim, ReplayStore } from '@ecny/sdk-merchant'
import { pxMilliseconds, type RedisClient } from './redisClient.js'

export type RedisReplayStoreOptions = {
  /** A connected ioredis client, shared with the rest of your service if you like. */
  redis: RedisClient
  /** Prepended to every event id. Default `ecny:evt:`. */
  keyPrefix?: string
}

/** The value of a committed id; a claim holds `claim:<token>`, so no token can pass for it. */
const done = 'done'
const claimValue = (token: string) => `claim:${token}`

// KEYS[1] the event key; ARGV[1] the claim value, ARGV[2] the claim TTL in ms.
const claimScript = `
if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 'claimed' end
if redis.call('get', KEYS[1]) == '${done}' then return 'done' end
return 'in_progress'`

// Done if this claim still holds the key, or if it lapsed and nobody claimed it since.
const commitScript = `
local held = redis.call('get', KEYS[1])
if held == ARGV[1] or not held then redis.call('set', KEYS[1], '${done}', 'PX', ARGV[2]) end
return 0`

// Forget the id only while this claim holds it (never a commit, never another delivery's claim).
const releaseScript = `
if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('del', KEYS[1]) end
return 0`

/**
 * A {@link ReplayStore} in Redis, shared by every instance of your service, so a notification
 * delivered to two instances at once is applied by one. Each operation is one Lua script, atomic on
 * the server: `claim` is `SET NX PX` (telling `done` from `in_progress` in the same step), `commit` a
 * compare-and-set and `release` a compare-and-delete on the claim's token. Keys expire by themselves
 * (`PX`): nothing to clean up.
 *
 * @example
 * import { Redis } from 'ioredis'
 * import { createRedisReplayStore } from '@ecny/store-redis'
 *
 * const replayStore = createRedisReplayStore({ redis: new Redis(process.env.REDIS_URL) })
 * const client = createMerchantClient({ ...config, notifications: { replayStore } })
 */
export function createRedisReplayStore(options: RedisReplayStoreOptions): ReplayStore {
  const { redis } = options
  const keyPrefix = options.keyPrefix ?? 'ecny:evt:'
  const key = (id: string) => `${keyPrefix}${id}`
  return {
    async claim(id, token, ttlMs) {
      return (await redis.eval(
        claimScript,
        1,
        key(id),
        claimValue(token),
        pxMilliseconds(ttlMs),
      )) as ReplayClaim
    },
    async commit(id, token, ttlMs) {
      await redis.eval(commitScript, 1, key(id), claimValue(token), pxMilliseconds(ttlMs))
    },
    async release(id, token) {
      await redis.eval(releaseScript, 1, key(id), claimValue(token))
    },
  }
}

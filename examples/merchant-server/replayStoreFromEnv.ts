import type { ReplayStore } from '@ecny/sdk-merchant'
import { createRedisReplayStore } from '@ecny/store-redis'
import { Redis } from 'ioredis'

export type ReplayStoreChoice = {
  /** The Redis store when `REDIS_URL` is set; `undefined` keeps the SDK's in-memory default. */
  replayStore: ReplayStore | undefined
  /** Where notification ids are remembered, for the startup log: `redis://…` (no password) or `memory`. */
  where: string
  /** Closes the Redis connection, if one was opened. */
  close(): Promise<void>
}

/** `redis://user:secret@host:6379/0` → `redis://host:6379/0`: the log never shows a password. */
function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.username = ''
    parsed.password = ''
    return parsed.toString()
  } catch {
    return 'redis (unparseable REDIS_URL)'
  }
}

/**
 * The notification replay store the shop uses: with `REDIS_URL` in the environment, the Redis store
 * from `@ecny/store-redis`, shared by every instance behind the load balancer, so a notification
 * delivered to two instances is applied by one; without it, the SDK's in-memory store (one process).
 *
 * @example
 * const store = replayStoreFromEnv() // REDIS_URL=redis://127.0.0.1:6379
 * const shop = await startMerchantServer({ ...options, replayStore: store.replayStore })
 * // on shutdown: await shop.close(); await store.close()
 */
export function replayStoreFromEnv(env: NodeJS.ProcessEnv = process.env): ReplayStoreChoice {
  const url = env.REDIS_URL
  if (!url) return { replayStore: undefined, where: 'memory', close: async () => {} }
  const redis = new Redis(url)
  return {
    replayStore: createRedisReplayStore({ redis }),
    where: withoutCredentials(url),
    close: async () => {
      await redis.quit()
    },
  }
}

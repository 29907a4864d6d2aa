/**
 * `@ecny/store-redis`: the state `@ecny/sdk-merchant` keeps between requests, in Redis, so several
 * instances of a merchant service behind a load balancer share it.
 */
export {
  createRedisInFlightCreateStore,
  type RedisInFlightCreateStoreOptions,
} from './createRedisInFlightCreateStore.js'
export { createRedisReplayStore, type RedisReplayStoreOptions } from './createRedisReplayStore.js'
export type { RedisClient } from './redisClient.js'

import { Redis } from 'ioredis'
import { afterAll, beforeAll } from 'vitest'
import { inFlightCreateStoreConformance } from '../../sdk-merchant/test/conformance/inFlightCreateStoreConformance.js'
import { replayStoreConformance } from '../../sdk-merchant/test/conformance/replayStoreConformance.js'
import { createRedisInFlightCreateStore, createRedisReplayStore } from '../src/index.js'
import { type RedisServer, startRedisServer } from './redisServer.js'

let server: RedisServer
let redis: Redis
let stores = 0
/** Each test gets keys of its own, so the tests share one server and never see each other's ids. */
const freshPrefix = () => `test${++stores}:`

beforeAll(async () => {
  server = await startRedisServer()
  redis = new Redis(server.url)
})
afterAll(async () => {
  await redis?.quit()
  await server?.stop()
})

replayStoreConformance('Redis', () => ({
  store: createRedisReplayStore({ redis, keyPrefix: freshPrefix() }),
  // Redis expires keys on its own clock: let the time really pass.
  elapse: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}))

inFlightCreateStoreConformance('Redis', () =>
  createRedisInFlightCreateStore({ redis, keyPrefix: freshPrefix() }),
)

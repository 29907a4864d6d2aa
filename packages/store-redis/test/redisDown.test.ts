import { createTestNotificationKeys, handleNotification, signTestNotification } from '@ecny/sdk-merchant'
import { Redis } from 'ioredis'
import { afterAll, expect, it } from 'vitest'
import { createRedisReplayStore } from '../src/index.js'
import { startRedisServer } from './redisServer.js'

let redis: Redis | undefined
afterAll(() => redis?.disconnect())

it('when Redis goes away, a notification is answered 503 and not applied (the gateway retries it)', async () => {
  const server = await startRedisServer()
  // Fail fast instead of queueing commands while disconnected (see the README).
  redis = new Redis(server.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  })
  await new Promise((resolve) => redis?.once('ready', resolve))
  const keys = await createTestNotificationKeys()
  const replayStore = createRedisReplayStore({ redis })
  const applied: string[] = []
  const receive = async (id: string) => {
    const signed = await signTestNotification(
      { id, type: 'order.down_test', data: {} },
      { privateKey: keys.privateKey },
    )
    return handleNotification(signed.body, signed.headers, {
      gatewayKeys: keys.jwks,
      replayStore,
      handle: (event) => void applied.push(event.id),
    })
  }

  expect((await receive('evt_before')).outcome).toBe('handled')
  const closed = new Promise((resolve) => redis?.once('end', resolve))
  await server.stop()
  await closed

  const answer = await receive('evt_after')
  expect([answer.status, answer.outcome]).toEqual([503, 'failed'])
  expect(applied).toEqual(['evt_before'])
})

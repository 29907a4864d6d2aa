/**
 * A create that ended in `result_unknown` survives its process: recorded in Redis by one client,
 * found and settled by another one (a restarted process, or another instance) with
 * `recoverInFlightCreates`, against the sandbox over HTTP and a real redis-server.
 */
import { type Sandbox, startSandbox } from '@ecny/mock-rails'
import { createMerchantClient, type EcnyError } from '@ecny/sdk-merchant'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createRedisInFlightCreateStore } from '../src/index.js'
import { type RedisServer, startRedisServer } from './redisServer.js'

let server: RedisServer
let sandbox: Sandbox
beforeAll(async () => {
  server = await startRedisServer()
  sandbox = await startSandbox({ seed: 5, log: false })
})
afterAll(async () => {
  await sandbox?.close()
  await server?.stop()
})

const clientOn = (redis: Redis) =>
  createMerchantClient({
    baseUrl: sandbox.url,
    credentials: sandbox.credentials,
    merchantId: sandbox.merchantId,
    maxRetries: 1,
    notifications: { replayStore: false },
    inFlightCreates: createRedisInFlightCreateStore({ redis, keyPrefix: 'restart-test' }),
  })

it('a result_unknown create recorded by one process is settled by the next one', async () => {
  const first = new Redis(server.url)
  sandbox.rails.faults.set({ routes: { 'POST /v1/orders': { dropEveryAnswer: 1 } } })
  const error = await clientOn(first)
    .orders.create({ mode: 'qr', merchantOrderNo: 'RS-1', amount: 1_250, description: 'Latte' })
    .catch((e: unknown) => e as EcnyError)
  sandbox.rails.faults.set({})
  expect(error).toMatchObject({ code: 'result_unknown' })
  await first.quit() // the process goes away

  const second = new Redis(server.url)
  try {
    const client = clientOn(second)
    expect(await client.orders.listInFlight()).toMatchObject([
      {
        merchantOrderNo: 'RS-1',
        idempotencyKey: (error.details as { idempotencyKey: string }).idempotencyKey,
        request: { mode: 'qr', amount: 1_250, description: 'Latte' },
      },
    ])
    const payer = sandbox.rails.engine.openWallet({ level: 'WL04', mobile: '13800138009' }).id
    sandbox.rails.engine.topUp(payer, { amount: 5_000, bankCard: '6222020200000000014' })
    const made = sandbox.rails.engine.findOrderByMerchantOrderNo(sandbox.merchantId, 'RS-1')
    sandbox.rails.engine.payOrder(made.id, { walletId: payer })

    const recovered = await client.orders.recoverInFlight({ pollIntervalMs: 0 })
    expect(recovered).toMatchObject([
      { create: { merchantOrderNo: 'RS-1' }, outcome: 'final', order: { status: 'succeeded' } },
    ])
    expect(await client.orders.listInFlight()).toEqual([])
  } finally {
    await second.quit()
  }
})

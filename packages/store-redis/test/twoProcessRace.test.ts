import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { createTestNotificationKeys, signTestNotification } from '@ecny/sdk-merchant'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { RaceJob } from './raceWorker.js'
import { type RedisServer, startRedisServer } from './redisServer.js'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const worker = fileURLToPath(new URL('./raceWorker.ts', import.meta.url))
const run = promisify(execFile)

let server: RedisServer
let redis: Redis
let dir: string
beforeAll(async () => {
  server = await startRedisServer()
  redis = new Redis(server.url)
  dir = mkdtempSync(join(tmpdir(), 'ecny-race-'))
})
afterAll(async () => {
  await redis?.quit()
  await server?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Waits (on Redis, not on a clock) until both workers are connected and blocked on their start signal. */
async function bothReady(prefix: string): Promise<void> {
  while (Number(await redis.get(`${prefix}ready`)) < 2) await redis.blpop(`${prefix}never`, 0.05)
}

it('two processes sharing Redis, each handed the same notifications at once: each is applied exactly once', async () => {
  const keys = await createTestNotificationKeys()
  const notifications = await Promise.all(
    Array.from({ length: 100 }, (_, index) =>
      signTestNotification(
        { id: `evt_race_${index}`, type: 'order.race_test', data: { index } },
        { privateKey: keys.privateKey },
      ),
    ),
  )
  const prefix = 'race:'
  const job: RaceJob = { url: server.url, prefix, jwks: keys.jwks, notifications }
  const jobFile = join(dir, 'job.json')
  writeFileSync(jobFile, JSON.stringify(job))

  const workers = ['a', 'b'].map((name) =>
    run(process.execPath, ['--import', 'tsx', worker, jobFile, name], { cwd: root, encoding: 'utf8' }),
  )
  await bothReady(prefix)
  await redis.multi().rpush(`${prefix}go:a`, '1').rpush(`${prefix}go:b`, '1').exec()
  const outcomes = (await Promise.all(workers)).map(
    ({ stdout }) => JSON.parse(stdout) as Record<string, number>,
  )

  const applied = await redis.lrange(`${prefix}applied`, 0, -1)
  const timesApplied = new Map<string, number>()
  for (const entry of applied) {
    const id = entry.split(' ')[0] ?? ''
    timesApplied.set(id, (timesApplied.get(id) ?? 0) + 1)
  }
  expect(applied).toHaveLength(notifications.length)
  expect([...timesApplied.keys()].sort()).toEqual(notifications.map(({ id }) => id).sort())
  expect([...timesApplied.values()].every((times) => times === 1)).toBe(true)
  // Every notification reached both processes: the one that did not apply it was told it was a duplicate.
  const answered = (name: 'handled' | 'duplicate') =>
    outcomes.reduce((sum, counts) => sum + (counts[name] ?? 0), 0)
  expect(answered('handled')).toBe(notifications.length)
  expect(answered('duplicate')).toBe(notifications.length)
})

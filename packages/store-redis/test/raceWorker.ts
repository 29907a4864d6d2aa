/**
 * One instance of a merchant service, as a child process of twoProcessRace.test.ts: it waits for the
 * start signal, then receives every notification through the SDK's real handler with the Redis replay
 * store, retrying a 409 as the gateway would, and records each event it applied in Redis.
 *
 * Usage: tsx raceWorker.ts <job.json> <worker name>
 */
import { readFileSync } from 'node:fs'
import { handleNotification, type SignedTestNotification } from '@ecny/sdk-merchant'
import { Redis } from 'ioredis'
import { createRedisReplayStore } from '../src/index.js'

export type RaceJob = {
  url: string
  prefix: string
  jwks: { keys: JsonWebKey[] }
  notifications: SignedTestNotification[]
}

const [jobFile, worker] = process.argv.slice(2)
if (!jobFile || !worker) throw new Error('usage: raceWorker.ts <job.json> <worker name>')
const job = JSON.parse(readFileSync(jobFile, 'utf8')) as RaceJob
const redis = new Redis(job.url)
const replayStore = createRedisReplayStore({ redis, keyPrefix: `${job.prefix}evt:` })
const outcomes: Record<string, number> = {}

async function deliver(notification: SignedTestNotification): Promise<void> {
  for (;;) {
    const answer = await handleNotification(notification.body, notification.headers, {
      gatewayKeys: job.jwks as never,
      replayStore,
      handle: async (event) => {
        await redis.rpush(`${job.prefix}applied`, `${event.id} ${worker}`)
      },
    })
    outcomes[answer.outcome] = (outcomes[answer.outcome] ?? 0) + 1
    if (answer.outcome === 'handled' || answer.outcome === 'duplicate') return
    if (answer.outcome !== 'in_progress') throw new Error(`unexpected answer ${answer.status} ${answer.body}`)
  }
}

// Start together: say ready, then block until the parent pushes the start signal.
await redis.incr(`${job.prefix}ready`)
await redis.blpop(`${job.prefix}go:${worker}`, 0)
await Promise.all(job.notifications.map(deliver))
process.stdout.write(JSON.stringify(outcomes))
await redis.quit()

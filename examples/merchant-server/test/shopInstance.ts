/**
 * One instance of the shop backend, as a child process of severalInstances.test.ts: the example's
 * server against the test's sandbox, with the replay store `replayStoreFromEnv` picks (Redis, from
 * `REDIS_URL`). It prints `listening <url>`, then every log line of the server on stdout, and stops
 * on SIGTERM.
 *
 * Usage: REDIS_URL=redis://127.0.0.1:<port> tsx shopInstance.ts <instance.json>
 */
import { readFileSync } from 'node:fs'
import type { ServerCredentials } from '@ecny/sdk-core'
import { replayStoreFromEnv } from '../replayStoreFromEnv.js'
import { startMerchantServer } from '../server.js'

export type ShopInstanceJob = {
  gatewayUrl: string
  credentials: ServerCredentials
  merchantId: string
  /** Where the gateway sends notifications: the test's fan-out in front of every instance. */
  publicUrl: string
}

const [jobFile] = process.argv.slice(2)
if (!jobFile) throw new Error('usage: shopInstance.ts <instance.json>')
const job = JSON.parse(readFileSync(jobFile, 'utf8')) as ShopInstanceJob
const store = replayStoreFromEnv()
const shop = await startMerchantServer({
  gatewayUrl: job.gatewayUrl,
  credentials: job.credentials,
  merchantId: job.merchantId,
  publicUrl: job.publicUrl,
  replayStore: store.replayStore,
  log: (line) => process.stdout.write(`${line}\n`),
})
process.stdout.write(`listening ${shop.url} (replay store: ${store.where})\n`)

process.once('SIGTERM', async () => {
  await shop.close()
  await store.close()
  process.exit(0)
})

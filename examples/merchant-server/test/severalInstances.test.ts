import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Sandbox } from '@ecny/mock-rails'
import { createClient } from '@ecny/sdk-core'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type RedisServer, startRedisServer } from '../../../packages/store-redis/test/redisServer.js'
import { startExampleSandbox } from '../sandbox.js'
import type { ShopInstanceJob } from './shopInstance.js'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const instanceScript = fileURLToPath(new URL('./shopInstance.ts', import.meta.url))

/** A running shop process: its URL and every line it printed. */
type Instance = { name: string; url: string; lines: string[]; child: ChildProcess; exited: Promise<void> }

let redisServer: RedisServer
let redis: Redis
let sandbox: Sandbox
let fanOut: Server
let dir: string
const instances: Instance[] = []

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

function startInstance(name: string, jobFile: string): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', instanceScript, jobFile], {
    cwd: root,
    env: { ...process.env, REDIS_URL: redisServer.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const lines: string[] = []
  let errors = ''
  return new Promise((resolve, reject) => {
    let pending = ''
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString()
      const complete = pending.split('\n')
      pending = complete.pop() ?? ''
      for (const line of complete) {
        lines.push(line)
        const listening = /^listening (\S+) \(replay store: redis:/.exec(line)
        if (listening) resolve({ name, url: listening[1]!, lines, child, exited })
      }
    })
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString()
    })
    child.once('exit', (code) => reject(new Error(`shop ${name} exited with ${code}:\n${errors}`)))
  })
}

async function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = []
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk)
  return new Uint8Array(Buffer.concat(chunks))
}

/**
 * What a load balancer that misroutes and a gateway that retries add up to, without waiting for the
 * gateway's 15 s retry: every delivery goes to both instances at once, byte for byte with its
 * signature headers; an instance that answers 409 (the other one holds the claim) gets it again, as
 * the gateway would retry it. The gateway hears 200 once both acknowledged.
 */
function startFanOut(): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req)
      const headers = new Headers()
      for (const [header, value] of Object.entries(req.headers))
        if (typeof value === 'string' && !['host', 'content-length', 'connection'].includes(header))
          headers.set(header, value)
      const deliver = async (instance: Instance): Promise<number> => {
        for (let attempt = 1; ; attempt++) {
          const answer = await fetch(`${instance.url}/ecny/notifications`, { method: 'POST', headers, body })
          await answer.arrayBuffer()
          if (answer.status !== 409 || attempt === 50) return answer.status
          await new Promise((resolve) => setTimeout(resolve, 20))
        }
      }
      const statuses = await Promise.all(instances.map(deliver))
      res.writeHead(statuses.every((status) => status === 200) ? 200 : 502).end()
    })().catch(() => res.writeHead(502).end())
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(server))
  })
}

beforeAll(async () => {
  redisServer = await startRedisServer()
  redis = new Redis(redisServer.url)
  sandbox = await startExampleSandbox({ seed: 'merchant-server-instances', notificationIntervalMs: 50 })
  fanOut = await startFanOut()
  dir = mkdtempSync(join(tmpdir(), 'ecny-shops-'))
  const job: ShopInstanceJob = {
    gatewayUrl: sandbox.url,
    credentials: sandbox.credentials,
    merchantId: sandbox.merchantId,
    publicUrl: `http://127.0.0.1:${(fanOut.address() as AddressInfo).port}`,
  }
  const jobFile = join(dir, 'instance.json')
  writeFileSync(jobFile, JSON.stringify(job))
  instances.push(...(await Promise.all(['a', 'b'].map((name) => startInstance(name, jobFile)))))
})

afterAll(async () => {
  for (const { child } of instances) child.kill('SIGTERM')
  await Promise.all(instances.map(({ exited }) => exited))
  await new Promise((resolve) => fanOut?.close(resolve))
  await sandbox?.close()
  await redis?.quit()
  await redisServer?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** The event ids an instance ran its handler for, and those it acknowledged as duplicates. */
function outcomes(instance: Instance) {
  const handled: string[] = []
  const duplicates: string[] = []
  for (const line of instance.lines) {
    const ran = /^notification: order\.succeeded (\S+) (applied|already applied)$/.exec(line)
    if (ran) handled.push(ran[1]!)
    const duplicate = /^notification: duplicate delivery of (\S+), acknowledged$/.exec(line)
    if (duplicate) duplicates.push(duplicate[1]!)
  }
  return { handled, duplicates }
}

it('two shop processes sharing Redis, each sent every notification: the handler runs once per event, in one of them', async () => {
  const walletApp = createClient({ baseUrl: sandbox.url, credentials: sandbox.credentials })
  const wallet = await walletApp.wallets.open({ type: 'WT01', level: 'WL04', mobile: '13812345678' })
  await walletApp.wallets.topUp({ walletId: wallet.id, amount: 100_000, bankCard: '6222020000000007' })

  // Checkouts land on either instance, as a load balancer spreads them.
  const orders = 6
  for (let index = 0; index < orders; index++) {
    const shop = instances[index % 2]!
    const response = await fetch(`${shop.url}/api/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ amount: 100 + index, description: `Order ${index}` }),
    })
    expect(response.status).toBe(201)
    const { orderId } = (await response.json()) as { orderId: string }
    await walletApp.payments.pay({ orderId, walletId: wallet.id, amount: 100 + index })
  }

  const [a, b] = instances as [Instance, Instance]
  const handledEverywhere = () => [...outcomes(a).handled, ...outcomes(b).handled]
  const acknowledgedEverywhere = () => [...outcomes(a).duplicates, ...outcomes(b).duplicates]
  // Each instance answers each notification once, by running the handler or as a duplicate.
  await until(
    () => handledEverywhere().length + acknowledgedEverywhere().length >= 2 * orders,
    'both instances to answer every notification',
  )

  const handled = handledEverywhere()
  expect(handled).toHaveLength(orders)
  expect(new Set(handled).size).toBe(orders)
  // Each reached both processes: the one that did not run the handler was told it was a duplicate.
  for (const instance of [a, b]) {
    const other = instance === a ? b : a
    expect(outcomes(instance).handled.every((id) => outcomes(other).duplicates.includes(id))).toBe(true)
  }
  // The ids the two processes agreed on are in Redis, committed.
  expect(await Promise.all(handled.map((id) => redis.get(`ecny:evt:${id}`)))).toEqual(
    handled.map(() => 'done'),
  )
}, 30_000)

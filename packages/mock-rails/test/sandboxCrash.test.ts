/**
 * The crash test of the durable sandbox: `ecny-sandbox --state FILE` as a child process, payments
 * with idempotency keys from four concurrent workers, `kill -9` after a fixed number of acknowledged
 * payments (never after a time, so the machine's speed does not matter), then a sandbox started on
 * the same file. Every acknowledged payment is there, each once; retrying it with its key answers
 * the same order; the ledger balances; the notifications are still scheduled.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient } from '@ecny/sdk-core'
import { createSignedClient, testCard } from '@ecny/test-utils'
import type { JWK } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../src/sandbox/startSandbox.js'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
const acknowledgedBeforeKill = 40
const workers = 4
const amount = 100

type Started = { child: ChildProcess; url: string; credential: { appId: string; privateKey: JWK } }

/** Starts `ecny-sandbox` and resolves once it printed its URL and credential. */
function startCli(stateFile: string): Promise<Started> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', cli, '--port', '0', '--state', stateFile, '--quiet', '--seed', '9'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let errors = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    errors += chunk.toString()
  })
  return new Promise((resolve, reject) => {
    let text = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      const url = /listening on (http:\/\/\S+)/.exec(text)?.[1]
      const credential = text.split('\n').find((line) => line.startsWith('{"appId"'))
      if (url && credential) resolve({ child, url, credential: JSON.parse(credential) })
    })
    child.once('exit', (code) => reject(new Error(`ecny-sandbox exited with ${code}:\n${errors}`)))
  })
}

let refusing: Server
let refusingUrl = ''
let restarted: Sandbox | undefined
let started: Started | undefined

beforeAll(async () => {
  refusing = createServer((_req, res) => res.writeHead(503).end('not now'))
  await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve))
  refusingUrl = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}/notify`
})
afterAll(async () => {
  started?.child.kill('SIGKILL')
  await restarted?.close()
  refusing.close()
})

type Payment = { orderId?: string; created?: string; paid?: string }

describe('ecny-sandbox --state survives kill -9', () => {
  it('every acknowledged payment is there once after a restart, the ledger balances, notifications stay scheduled', async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), 'ecny-crash-')), 'sandbox.db')
    started = await startCli(stateFile)
    const { child, url, credential } = started
    const sdk = createClient({ baseUrl: url, credentials: credential })
    const wallet = await sdk.wallets.open({ type: 'WT01', level: 'WL04', mobile: '13912341234' })
    const topUp = 400_000
    await sdk.wallets.topUp({ walletId: wallet.id, amount: topUp, bankCard: testCard })

    const client = createSignedClient({ ...credential, baseUrl: url })
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    )
    const payments = new Map<number, Payment>()
    let next = 0
    let acknowledged = 0
    let killed = false
    async function worker() {
      while (!killed) {
        const i = next++
        const payment: Payment = {}
        payments.set(i, payment)
        try {
          const created = await client.call(
            'POST',
            '/v1/orders',
            { merchantOrderNo: `K-${i}`, amount, description: 'crash', mode: 'qr', notifyUrl: refusingUrl },
            { idempotencyKey: `create-${i}` },
          )
          if (created.status !== 200) throw new Error(`create ${i}: ${created.status} ${created.text}`)
          payment.created = created.text
          payment.orderId = (created.json as { id: string }).id
          const paid = await client.call(
            'POST',
            `/v1/orders/${payment.orderId}/pay`,
            { walletId: wallet.id },
            { idempotencyKey: `pay-${i}` },
          )
          if (paid.status !== 200) throw new Error(`pay ${i}: ${paid.status} ${paid.text}`)
          payment.paid = paid.text
          if (++acknowledged === acknowledgedBeforeKill) {
            killed = true
            child.kill('SIGKILL')
          }
        } catch (error) {
          if (!killed) throw error // before the kill every request must be answered
        }
      }
    }
    await Promise.all(Array.from({ length: workers }, worker))
    expect(await exited).toBe('SIGKILL')
    started = undefined

    restarted = await startSandbox({ state: stateFile, log: false, notificationIntervalMs: 60_000 })
    expect(restarted.credentials.appId).toBe(credential.appId)
    const rails = restarted.rails
    const again = createSignedClient({ ...credential, baseUrl: restarted.url })
    const acked = [...payments].filter(([, payment]) => payment.paid !== undefined)
    expect(acked.length).toBeGreaterThanOrEqual(acknowledgedBeforeKill)

    for (const [i, payment] of acked) {
      expect(rails.engine.getOrder(payment.orderId!)).toMatchObject({ status: 'succeeded', amount })
      const created = await again.call(
        'POST',
        '/v1/orders',
        { merchantOrderNo: `K-${i}`, amount, description: 'crash', mode: 'qr', notifyUrl: refusingUrl },
        { idempotencyKey: `create-${i}` },
      )
      expect(created.headers.get('idempotent-replayed')).toBe('true')
      expect(created.text).toBe(payment.created)
      const paid = await again.call(
        'POST',
        `/v1/orders/${payment.orderId}/pay`,
        { walletId: wallet.id },
        { idempotencyKey: `pay-${i}` },
      )
      expect(paid.headers.get('idempotent-replayed')).toBe('true')
      expect(paid.text).toBe(payment.paid)
    }

    // Nothing acknowledged was charged twice: the wallet paid exactly for the orders that succeeded.
    const succeeded = [...payments.keys()].filter((i) => {
      try {
        return rails.engine.findOrderByMerchantOrderNo(restarted!.merchantId, `K-${i}`).status === 'succeeded'
      } catch {
        return false
      }
    })
    expect(rails.engine.getBalance(wallet.id)).toMatchObject({ available: topUp - succeeded.length * amount })
    expect(rails.ledger.verify()).toMatchObject({ ok: true, total: 0 })

    const scheduled = new Set(
      rails.notifications
        .list()
        .filter((n) => n.type === 'order.succeeded' && n.status === 'pending' && n.nextAttemptAt !== null)
        .map((n) => (n.data as { id: string }).id),
    )
    for (const [, payment] of acked) expect(scheduled.has(payment.orderId!)).toBe(true)
  }, 120_000)

  it('the main entry does not load better-sqlite3 for an in-memory sandbox', async () => {
    const script = `
      import { createRequire } from 'node:module'
      const { startSandbox } = await import(${JSON.stringify(join(root, 'packages/mock-rails/src/index.ts'))})
      const sandbox = await startSandbox({ log: false })
      await sandbox.close()
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) => path.includes('better-sqlite3'))
      console.log(JSON.stringify(loaded))`
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      let text = ''
      child.stdout!.on('data', (chunk: Buffer) => {
        text += chunk.toString()
      })
      child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`exit ${code}`))))
    })
    expect(JSON.parse(output.trim().split('\n').pop()!)).toEqual([])
  }, 60_000)
})

import { execFile } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { type Sandbox, startSandbox } from '@ecny/mock-rails'
import { afterEach, describe, expect, it } from 'vitest'
import { ackNotification, createMemoryReplayStore, createNodeNotificationVerifier } from '../src/index.js'
import { runListen } from '../src/listen/runListen.js'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
/** A notify URL the sandbox cannot reach (nothing listens on port 1). */
const unreachableUrl = 'http://127.0.0.1:1/ecny/notify'

let sandbox: Sandbox | undefined
let receiver: Server | undefined
afterEach(async () => {
  await sandbox?.close()
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)))
  sandbox = undefined
  receiver = undefined
})

/** A local server that verifies each notification with the SDK (signature intact or 400) and answers `status`. */
async function startReceiver(s: Sandbox, status = 200) {
  const verify = createNodeNotificationVerifier({
    gatewayKeys: `${s.url}/.well-known/jwks.json`,
    replayStore: createMemoryReplayStore(), // each sandbox numbers its events from evt_00000001
  })
  const received: { id: string; type: string; attempt: number | undefined }[] = []
  receiver = createServer(async (req, res) => {
    try {
      const event = await verify(req)
      received.push({ id: event.id, type: event.type, attempt: event.attempt })
    } catch (error) {
      res.writeHead(400).end(String(error))
      return
    }
    if (status !== 200) return res.writeHead(status).end('not now')
    const ack = ackNotification()
    res.writeHead(ack.status, ack.headers).end(ack.body)
  })
  await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/ecny/notify`, received }
}

/** A sandbox that delivers nothing by itself within a test, with one paid order notifying an unreachable URL. */
async function sandboxWithPaidOrder(options: { testMode?: boolean } = {}) {
  sandbox = await startSandbox({ log: false, notificationIntervalMs: 3_600_000, ...options })
  const order = sandbox.rails.engine.createOrder({
    merchantId: sandbox.merchantId,
    merchantOrderNo: 'LISTEN-1',
    amount: 1_250,
    description: 'Latte',
    mode: 'qr',
    notifyUrl: unreachableUrl,
  })
  sandbox.rails.testControls.trigger({ action: 'pay', orderId: order.id })
  return { sandbox, order }
}

const credentialOf = (s: Sandbox) =>
  JSON.stringify({ appId: s.credentials.appId, privateKey: s.credentials.privateKey })

async function listenOnce(s: Sandbox, forwardTo: string) {
  let stdout = ''
  let stderr = ''
  const code = await runListen(
    ['--once', '--forward-to', forwardTo, '--url', s.url, '--credentials', credentialOf(s)],
    {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env: {},
    },
  )
  return { code, stdout, stderr }
}

describe('ecny listen --forward-to', () => {
  it('forwards a notification with its signature intact, shows the delivery and the answer, and the answer is the attempt', async () => {
    const { sandbox: s, order } = await sandboxWithPaidOrder()
    const local = await startReceiver(s)
    const run = await listenOnce(s, local.url)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(local.received).toEqual([
      { id: expect.stringMatching(/^evt_/), type: 'order.succeeded', attempt: 1 },
    ])
    expect(run.stdout).toMatch(/--> order\.succeeded \[evt_\w+\] attempt 1/)
    expect(run.stdout).toMatch(
      /<-- \[200\] POST http:\/\/127\.0\.0\.1:\d+\/ecny\/notify \[evt_\w+\] \d+ms \{"code":"SUCCESS"\}/,
    )
    const [event] = s.rails.notifications.list()
    expect(event).toMatchObject({ status: 'delivered', data: { id: order.id } })
    expect(event!.attempts).toEqual([
      expect.objectContaining({ attempt: 1, ok: true, httpStatus: 200, forwarded: true }),
    ])
  })

  it('records a refusal by the local server as a failed attempt; the notification waits for its retry', async () => {
    const { sandbox: s } = await sandboxWithPaidOrder()
    const local = await startReceiver(s, 503)
    const run = await listenOnce(s, local.url)
    expect(run.stdout).toMatch(/<-- \[503\]/)
    const [event] = s.rails.notifications.list()
    expect(event).toMatchObject({ status: 'pending' })
    expect(event!.attempts).toEqual([
      expect.objectContaining({ ok: false, httpStatus: 503, forwarded: true }),
    ])
  })

  it('reports an unreachable local server as such', async () => {
    const { sandbox: s } = await sandboxWithPaidOrder()
    const run = await listenOnce(s, 'http://127.0.0.1:1/nothing-here')
    expect(run.stdout).toMatch(/<-- \[ERR\] .*POST http:\/\/127\.0\.0\.1:1\/nothing-here/)
    expect(s.rails.notifications.list()[0]!.attempts[0]).toMatchObject({ httpStatus: null, forwarded: true })
  })

  it('stops with the gateway’s reason when the sandbox is not in test mode', async () => {
    const { sandbox: s } = await sandboxWithPaidOrder({ testMode: false })
    const run = await listenOnce(s, 'http://127.0.0.1:1/notify')
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/permission_denied: .*not in test mode/)
  })

  it('runs as `ecny listen`', async () => {
    const { sandbox: s } = await sandboxWithPaidOrder()
    const local = await startReceiver(s)
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', cli, 'listen', '--once', '--forward-to', local.url, '--url', s.url],
      { cwd: root, env: { ...process.env, ECNY_CREDENTIALS: credentialOf(s) } },
    )
    expect(stdout).toMatch(/1 notification\(s\) forwarded/)
    expect(local.received).toHaveLength(1)
  })
})

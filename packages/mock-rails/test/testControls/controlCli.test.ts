import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../src/index.js'
import { runControlCommand } from '../../src/testControls/cli/runControlCommand.js'

const root = fileURLToPath(new URL('../../../..', import.meta.url))
const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url))

let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

/** Runs a control command against the sandbox, capturing what it prints. */
async function control(args: string[], target: Sandbox = sandbox!) {
  let stdout = ''
  let stderr = ''
  const credential = JSON.stringify({
    appId: target.credentials.appId,
    privateKey: target.credentials.privateKey,
  })
  const code = await runControlCommand([...args, '--url', target.url, '--credentials', credential], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
  })
  return { code, stdout, stderr }
}

const order = (s: Sandbox, no: string) =>
  s.rails.engine.createOrder({
    merchantId: s.merchantId,
    merchantOrderNo: no,
    amount: 880,
    description: 'Tea',
    mode: 'qr',
  })

describe('ecny-sandbox control commands against a running sandbox', () => {
  it('clock advance 1d moves the rails a day ahead of the machine, and signed calls keep working', async () => {
    sandbox = await startSandbox({ log: false })
    const before = sandbox.rails.clock.now()
    const moved = await control(['clock', 'advance', '1d'])
    expect(moved.stderr).toBe('')
    expect(moved.code).toBe(0)
    expect(moved.stdout).toMatch(/86400 s ahead of this machine/)
    expect(sandbox.rails.clock.now() - before).toBeGreaterThanOrEqual(86_400_000)
    const read = await control(['clock'])
    expect(read.code).toBe(0) // signed with the machine's time, a day behind the rails: still accepted
  })

  it('trigger pay / expire / fail move orders and print their state', async () => {
    sandbox = await startSandbox({ log: false })
    const paid = await control(['trigger', 'pay', order(sandbox, 'C-1').id])
    expect(paid.stdout).toMatch(/is succeeded \(paid by wallet \d{16}\)/)
    expect((await control(['trigger', 'expire', order(sandbox, 'C-2').id])).stdout).toMatch(/is closed/)
    const failed = await control([
      'trigger',
      'fail',
      order(sandbox, 'C-3').id,
      '--failure-code',
      'limit_exceeded',
    ])
    expect(failed.stdout).toMatch(/is failed/)
    expect((await control(['ledger', 'verify'])).stdout).toMatch(/^ledger balanced: total 0 fen/)
  })

  it('faults set applies to the gateway but never locks out faults clear', async () => {
    sandbox = await startSandbox({ log: false })
    expect((await control(['faults', 'set', '5xx=1'])).code).toBe(0)
    expect(sandbox.rails.faults.get()).toEqual({ rate5xx: 1 })
    const routed = await control([
      'faults',
      'set',
      'drop=0.5',
      '--route',
      'POST /v1/orders/{id}/pay',
      '--json',
    ])
    expect(JSON.parse(routed.stdout)).toEqual({
      routes: { 'POST /v1/orders/{id}/pay': { dropAfterCommit: 0.5 } },
    })
    const cleared = await control(['faults', 'clear'])
    expect(cleared.stdout).toMatch(/calm/)
    expect(sandbox.rails.faults.get()).toEqual({})
  })

  it('events list and events resend show each notification with its attempts', async () => {
    sandbox = await startSandbox({ log: false, notificationIntervalMs: 3_600_000 })
    sandbox.rails.testControls.trigger({ action: 'pay', orderId: order(sandbox, 'C-4').id })
    const listed = await control(['events', 'list'])
    const id = /^(evt_\w+)\s+order\.succeeded\s+no_endpoint/m.exec(listed.stdout)?.[1]
    expect(id, listed.stdout).toBeDefined()
    const resent = await control(['events', 'resend', id!])
    expect(resent.code).toBe(1) // nowhere to send it: the gateway says so
    expect(resent.stderr).toMatch(/invalid_state: .*notifyUrl/)
  })

  it('a sandbox not in test mode refuses, and the command says why', async () => {
    sandbox = await startSandbox({ log: false, testMode: false })
    const refused = await control(['clock', 'advance', '1h'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/permission_denied: .*not in test mode/)
  })

  it('a bad command line is a usage error, before anything is sent', async () => {
    sandbox = await startSandbox({ log: false })
    const bad = await control(['clock', 'advance', 'tomorrow'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/Bad duration/)
    expect((await control(['trigger', 'refund', 'ord_1'])).code).toBe(2)
  })

  it('runs as the ecny-sandbox bin', async () => {
    sandbox = await startSandbox({ log: false })
    const credential = JSON.stringify({
      appId: sandbox.credentials.appId,
      privateKey: sandbox.credentials.privateKey,
    })
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', cli, 'clock', 'advance', '2h', '--url', sandbox.url],
      { cwd: root, env: { ...process.env, ECNY_CREDENTIALS: credential } },
    )
    expect(stdout).toMatch(/7200 s ahead of this machine/)
  })
})

/**
 * The Java/Go test of the sandbox's controls: a script with no SDK (node:crypto and fetch only)
 * signs by the documented protocol, moves the rails' clock a day forward and has a test wallet pay
 * an order it created, verifying every answer's signature itself.
 */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { type Sandbox, startSandbox } from '@ecny/mock-rails'
import { afterAll, beforeAll, expect, it } from 'vitest'

const script = fileURLToPath(new URL('./plainHttpClient.mjs', import.meta.url))
let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({ log: false })
})
afterAll(() => sandbox.close())

it('a plain-HTTP client advances the clock and triggers a payment, signing by the documented protocol', async () => {
  const credential = JSON.stringify({
    appId: sandbox.credentials.appId,
    privateKey: sandbox.credentials.privateKey,
  })
  const { stdout } = await promisify(execFile)(process.execPath, [script, sandbox.url, credential])
  const run = JSON.parse(stdout) as Record<string, unknown>
  expect(Date.parse(run.clockAfter as string) - Date.parse(run.clockBefore as string)).toBeGreaterThanOrEqual(
    86_400_000,
  )
  expect(run.offsetSeconds).toBeGreaterThanOrEqual(86_400)
  expect(run).toMatchObject({
    createdStatus: 'created',
    status: 'succeeded',
    paidAmount: 2_580,
    ledgerOk: true,
  })
  // The rails agree: the order is paid, by the wallet the trigger named, a day ahead of this machine.
  const order = sandbox.rails.engine.getOrder(run.orderId as string)
  expect(order.status).toBe('succeeded')
  expect(order.payerWalletId).toBe(run.paidBy)
  expect(sandbox.rails.notifications.list().map((event) => event.type)).toContain('order.succeeded')
})

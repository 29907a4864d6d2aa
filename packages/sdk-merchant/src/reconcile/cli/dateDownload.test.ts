import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Sandbox, startSandbox } from '@ecny/mock-rails'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { main } from './main.js'

let sandbox: Sandbox
let dir: string
beforeAll(async () => {
  sandbox = await startSandbox({ log: false })
  dir = await mkdtemp(join(tmpdir(), 'ecny-cli-date-'))
})
afterAll(async () => {
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

it('ecny reconcile --date downloads the signed statement with credentials from the environment', async () => {
  const { engine } = sandbox.rails
  const payer = engine.openWallet({ level: 'WL04', mobile: '13700000001' })
  engine.topUp(payer.id, { amount: 10_000, bankCard: '6222020000000007' })
  const order = engine.createOrder({
    merchantId: sandbox.merchantId,
    merchantOrderNo: 'CLI-1',
    amount: 1_234,
    description: 'x',
    mode: 'qr',
  })
  engine.payOrder(order.id, { walletId: payer.id })
  const records = join(dir, 'records.csv')
  await writeFile(
    records,
    'recordType,merchantOrderNo,amount,status\norder,CLI-1,1234,succeeded\norder,CLI-2,99,succeeded\n',
  )
  const date = new Date(sandbox.rails.clock.now() + 8 * 3_600_000).toISOString().slice(0, 10)
  let stdout = ''
  let stderr = ''
  const code = await main(['reconcile', '--date', date, '--records', records], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {
      ECNY_BASE_URL: sandbox.url,
      ECNY_APP_ID: sandbox.credentials.appId,
      ECNY_PRIVATE_KEY: JSON.stringify(sandbox.credentials.privateKey),
      ECNY_MERCHANT_ID: sandbox.merchantId,
    },
  })
  expect(stderr).toBe('')
  expect(code).toBe(1)
  expect(stdout).toMatch(/matched\s+1\s+1\s+1\s+12\.34/)
  expect(stdout).toMatch(/merchant_only\s+1\s+0\s+1\s+0\.99/)
})

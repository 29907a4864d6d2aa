/**
 * `startSandbox({ state: file })` keeps the rails in SQLite, one transaction per answered request:
 * a second sandbox opened on the same file while the first was never closed (what a crash leaves)
 * sees everything the first one answered: orders, balances, idempotency records, campaign budgets,
 * scheduled notifications, the CMB door's orders and its credentials.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cmb } from '@ecny/operator-cmb'
import { computeUsccCheckChar } from '@ecny/sdk-core/internal'
import { createMerchantClient } from '@ecny/sdk-merchant'
import { createSignedClient, testCard } from '@ecny/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../src/sandbox/startSandbox.js'

/** A receiver that refuses every notification, so they stay scheduled for retry. */
let refusing: Server
let refusingUrl = ''
const opened: Sandbox[] = []
const open = async (options: Parameters<typeof startSandbox>[0]) => {
  const sandbox = await startSandbox({ log: false, notificationIntervalMs: 20, ...options })
  opened.push(sandbox)
  return sandbox
}

beforeAll(async () => {
  refusing = createServer((_req, res) => res.writeHead(503).end('no'))
  await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve))
  refusingUrl = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}/notify`
})
afterAll(async () => {
  for (const sandbox of opened.reverse()) await sandbox.close()
  refusing.close()
})

const stateFile = () => join(mkdtempSync(join(tmpdir(), 'ecny-state-')), 'sandbox.db')

describe('startSandbox({ state }) on SQLite', () => {
  it('a second sandbox on the file of one never closed has every answered operation', async () => {
    const file = stateFile()
    const first = await open({ state: file, seed: 3 })
    const client = createSignedClient({ ...first.credentials, baseUrl: first.url })
    const wallet = first.rails.engine.openWallet({ level: 'WL04', mobile: '13800138000' })
    first.rails.engine.topUp(wallet.id, { amount: 10_000, bankCard: testCard })
    const created = await client.call(
      'POST',
      '/v1/orders',
      { merchantOrderNo: 'D-1', amount: 1_200, description: 'Tea', mode: 'qr', notifyUrl: refusingUrl },
      { idempotencyKey: 'create-D-1' },
    )
    expect(created.status).toBe(200)
    const orderId = (created.json as { id: string }).id
    const paid = await client.call(
      'POST',
      `/v1/orders/${orderId}/pay`,
      { walletId: wallet.id },
      { idempotencyKey: 'pay-D-1' },
    )
    expect(paid.json).toMatchObject({ status: 'succeeded' })

    const second = await open({ state: file })
    expect(second.credentials).toEqual(first.credentials)
    expect(second.merchantId).toBe(first.merchantId)
    expect(second.rails.engine.getOrder(orderId)).toMatchObject({ status: 'succeeded', amount: 1_200 })
    expect(second.rails.engine.getBalance(wallet.id)).toMatchObject({ available: 8_800 })
    expect(second.rails.ledger.verify()).toMatchObject({ ok: true, total: 0 })
    const again = createSignedClient({ ...second.credentials, baseUrl: second.url })
    const replayed = await again.call(
      'POST',
      `/v1/orders/${orderId}/pay`,
      { walletId: wallet.id },
      { idempotencyKey: 'pay-D-1' },
    )
    expect(replayed.headers.get('idempotent-replayed')).toBe('true')
    expect(replayed.text).toBe(paid.text)
    expect(second.rails.engine.getBalance(wallet.id)).toMatchObject({ available: 8_800 })
    const scheduled = second.rails.notifications
      .list()
      .filter((n) => n.type === 'order.succeeded' && n.status === 'pending')
    expect(scheduled).toHaveLength(1)
  })

  it('operations made in process between requests are kept too, and campaign budgets with them', async () => {
    const file = stateFile()
    const first = await open({ state: file, seed: 4 })
    const uscc = `91310000MA9999998${computeUsccCheckChar('91310000MA9999998')}`
    const wallet = first.rails.engine.openWallet({
      type: 'WT09',
      entity: { legalName: '活动主办公司', uscc },
      settlementAccount: { accountNo: '6100000000009998', accountName: '活动主办公司' },
    })
    first.rails.engine.topUp(wallet.id, { amount: 30_000 })
    const hour = 3_600_000
    const now = first.rails.clock.now()
    const campaign = first.rails.campaigns.create({
      rule: {
        type: 'PT04',
        amount: 500,
        budget: { count: 10 },
        validity: { from: new Date(now - hour).toISOString(), to: new Date(now + 24 * hour).toISOString() },
      },
      organiserWalletId: wallet.id,
    })
    first.rails.campaigns.schedule(campaign.id)
    const before = first.rails.campaigns.get(campaign.id)
    expect(before).toMatchObject({ status: 'active', budget: { amount: 5_000, funded: 5_000 } })
    await first.flush()

    const second = await open({ state: file })
    expect(second.rails.engine.getBalance(wallet.id)).toMatchObject({ available: 25_000 })
    expect(second.rails.campaigns.get(campaign.id)).toEqual(before)
    expect(second.rails.ledger.verify()).toMatchObject({ ok: true, total: 0 })
  })

  it('the CMB door keeps its orders, notifications and credentials across a restart', async () => {
    const file = stateFile()
    const first = await open({ state: file, dialect: 'cmb' })
    const operator = cmb({ ...first.cmb!, environment: first.url })
    const client = createMerchantClient({ operator, maxRetries: 0 })
    const order = await client.orders.create({
      mode: 'qr',
      merchantOrderNo: 'CMB-D-1',
      amount: 990,
      description: 'Cake',
      notifyUrl: refusingUrl,
    })
    const payer = first.rails.engine.openWallet({ level: 'WL04', mobile: '13800138002' })
    first.rails.engine.topUp(payer.id, { amount: 5_000, bankCard: testCard })
    first.rails.engine.payOrder(String((order as { cmbOrderId?: string }).cmbOrderId), { walletId: payer.id })
    await first.cmb!.door.notifications.deliverDue()
    await first.flush()

    const second = await open({ state: file, dialect: 'cmb' })
    const { door: _first, ...firstCredentials } = first.cmb!
    const { door: _second, ...secondCredentials } = second.cmb!
    expect(secondCredentials).toEqual(firstCredentials)
    const again = createMerchantClient({
      operator: cmb({ ...second.cmb!, environment: second.url }),
      maxRetries: 0,
    })
    await expect(again.orders.getByMerchantOrderNo({ merchantOrderNo: 'CMB-D-1' })).resolves.toMatchObject({
      status: 'succeeded',
      amount: 990,
    })
    const pending = second.cmb!.door.notifications.list().filter((n) => n.status === 'pending')
    expect(pending).toHaveLength(1)
    expect(pending[0]!.attempts.length).toBeGreaterThan(0)
  })

  it('a JSON state file of an older sandbox is refused at start with what to do', async () => {
    const file = stateFile()
    writeFileSync(file, JSON.stringify({ rails: {}, credentials: {}, merchantId: 'mch_1' }))
    await expect(startSandbox({ state: file, log: false })).rejects.toThrow(/not a SQLite state file/)
  })
})

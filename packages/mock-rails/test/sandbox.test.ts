import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@ecny/sdk-core'
import { createSignedClient, testCard, verifyGatewayResponse } from '@ecny/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../src/sandbox/startSandbox.js'

describe('sandbox over real HTTP on 127.0.0.1', () => {
  let sandbox: Sandbox
  const lines: string[] = []
  const notifications: string[] = []
  let receiverUrl = ''
  const receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      notifications.push(body)
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":"SUCCESS"}')
    })
  })

  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/notify`
    sandbox = await startSandbox({ seed: 11, log: (line) => lines.push(line), notificationIntervalMs: 20 })
  })
  afterAll(async () => {
    await sandbox.close()
    receiver.close()
  })

  it('listens on loopback and serves signed responses; logs one masked line per request', async () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const client = createSignedClient({ ...sandbox.credentials, baseUrl: sandbox.url })
    const wallet = sandbox.rails.engine.openWallet({ level: 'WL04', mobile: '13800138000' })
    sandbox.rails.engine.topUp(wallet.id, { amount: 5_000, bankCard: testCard })
    const created = await client.call('POST', '/v1/orders', {
      merchantOrderNo: 'SB1',
      amount: 1_200,
      description: 'Noodles',
      mode: 'qr',
      notifyUrl: receiverUrl,
    })
    expect(created.status).toBe(200)
    await expect(
      verifyGatewayResponse(await sandbox.rails.jwks(), created.headers.get('ecny-signature'), created.bytes),
    ).resolves.toMatchObject({ rid: created.headers.get('ecny-request-id') })
    const orderId = (created.json as { id: string }).id
    const paid = await client.call('POST', `/v1/orders/${orderId}/pay`, { walletId: wallet.id })
    expect(paid.json).toMatchObject({ status: 'succeeded' })
    const balance = await client.call('GET', `/v1/wallets/${wallet.id}/balance`)
    expect(balance.json).toMatchObject({ available: 3_800 })
    await expect.poll(() => notifications.length, { timeout: 3000 }).toBe(1)
    expect(JSON.parse(notifications[0]!)).toMatchObject({ type: 'order.succeeded', data: { id: orderId } })
    expect(lines.some((line) => /^POST \/v1\/orders 200 \d+ms req_/.test(line))).toBe(true)
    expect(
      lines.some((line) => line.includes(`/v1/wallets/009900******${wallet.id.slice(-4)}/balance`)),
    ).toBe(true)
    expect(lines.join('\n')).not.toContain(wallet.id)
  })

  it('a drop-after-commit destroys the socket after the rails applied the request', async () => {
    const client = createSignedClient({ ...sandbox.credentials, baseUrl: sandbox.url })
    sandbox.rails.faults.set({ dropAfterCommit: 1 })
    await expect(
      client.call('POST', '/v1/orders', { merchantOrderNo: 'SB2', amount: 1, description: 'x', mode: 'qr' }),
    ).rejects.toThrow()
    sandbox.rails.faults.set({})
    expect(sandbox.rails.engine.findOrderByMerchantOrderNo(sandbox.merchantId, 'SB2').status).toBe('created')
  })

  it('works with the SDK client (createClient) using the printed credential', async () => {
    const client = createClient({ baseUrl: sandbox.url, credentials: sandbox.credentials })
    const wallet = await client.wallets.open({ type: 'WT01', level: 'WL04', mobile: '13912341234' })
    await client.wallets.topUp({ walletId: wallet.id, amount: 2_000, bankCard: testCard })
    const { available } = await client.wallets.balance({ walletId: wallet.id })
    expect(available).toBe(2_000)
  })
})

describe('sandbox state file', () => {
  it('saves on close and loads on start (same credential, same wallets)', async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), 'ecny-sandbox-')), 'state.json')
    const first = await startSandbox({ log: false, stateFile })
    const wallet = first.rails.engine.openWallet({ level: 'WL04', mobile: '13800138000' })
    first.rails.engine.topUp(wallet.id, { amount: 777, bankCard: testCard })
    await first.close()
    const second = await startSandbox({ log: false, stateFile })
    try {
      expect(second.credentials).toEqual(first.credentials)
      expect(second.rails.engine.getBalance(wallet.id).available).toBe(777)
      expect(await second.rails.jwks()).toEqual(await first.rails.jwks())
      const client = createSignedClient({ ...second.credentials, baseUrl: second.url })
      expect((await client.call('GET', `/v1/wallets/${wallet.id}`)).status).toBe(200)
      expect(second.rails.ledger.verify().ok).toBe(true)
    } finally {
      await second.close()
    }
  })
})

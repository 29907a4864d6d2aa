import type { Sandbox } from '@ecny/mock-rails'
import { createClient, type EcnyClient } from '@ecny/sdk-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shanghaiDate } from '../reconcileJob.js'
import { startExampleSandbox } from '../sandbox.js'
import { type MerchantServer, startMerchantServer } from '../server.js'

let sandbox: Sandbox
let shop: MerchantServer
let walletApp: EcnyClient
const printed: string[] = []

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

async function postJson(path: string, body: unknown) {
  const response = await fetch(`${shop.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

beforeAll(async () => {
  // Every notification is delivered twice: the receiver must apply it once.
  sandbox = await startExampleSandbox({
    seed: 'merchant-server-test',
    faults: { duplicateNotifications: 1 },
    notificationIntervalMs: 50,
  })
  shop = await startMerchantServer({
    gatewayUrl: sandbox.url,
    credentials: sandbox.credentials,
    merchantId: sandbox.merchantId,
    log: (line) => printed.push(line),
  })
  walletApp = createClient({ baseUrl: sandbox.url, credentials: sandbox.credentials })
})

afterAll(async () => {
  await shop?.close()
  await sandbox?.close()
})

describe('examples/merchant-server', () => {
  it('creates an order over HTTP, sees it paid once from duplicated notifications, and reconciles', async () => {
    const created = await postJson('/api/checkout', { amount: 1_250, description: 'Latte' })
    expect(created.status).toBe(201)
    const checkout = created.body as {
      orderId: string
      merchantOrderNo: string
      qrPayload: string
      amount: number
      expiresAt: string
      clientToken: string
    }
    expect(checkout).toMatchObject({
      amount: 1_250,
      qrPayload: expect.any(String),
      clientToken: expect.any(String),
    })

    // The page's order-scoped token reads that order and nothing else.
    const page = createClient({ baseUrl: sandbox.url, clientToken: checkout.clientToken })
    expect(await page.payments.get({ orderId: checkout.orderId })).toMatchObject({ status: 'created' })
    await expect(page.wallets.balance({ walletId: '0000000000000000' })).rejects.toMatchObject({
      code: expect.stringMatching(/permission_denied|invalid_request|not_found/),
    })

    // A customer pays with a wallet app.
    const wallet = await walletApp.wallets.open({ type: 'WT01', level: 'WL04', mobile: '13812345678' })
    await walletApp.wallets.topUp({ walletId: wallet.id, amount: 10_000, bankCard: '6222020000000007' })
    const resolved = await walletApp.payments.resolveQr({ payload: checkout.qrPayload })
    expect(resolved).toMatchObject({ orderId: checkout.orderId, amount: 1_250 })
    await walletApp.payments.pay({ orderId: resolved.orderId, walletId: wallet.id, amount: resolved.amount })

    await until(() => shop.orders.get(checkout.merchantOrderNo)?.status === 'succeeded', 'the notification')
    await until(
      () => shop.deliveries.filter((d) => d.type === 'replayed').length >= 1,
      'the duplicate delivery',
    )
    const deliveries = shop.deliveries
    expect(deliveries.filter((d) => d.applied)).toHaveLength(1)
    expect(deliveries.length).toBeGreaterThanOrEqual(2)
    expect(shop.orders.appliedCount).toBe(1)
    expect(shop.orders.get(checkout.merchantOrderNo)).toMatchObject({ payerWalletId: wallet.id })

    const ownRecord = await fetch(`${shop.url}/api/orders/${checkout.merchantOrderNo}`)
    expect(await ownRecord.json()).toMatchObject({ status: 'succeeded', amount: 1_250 })

    const lines: string[] = []
    const result = await shop.reconcile(shanghaiDate(), (text) => lines.push(text))
    expect(result.allMatched).toBe(true)
    expect(result.summary.totals.matched.count).toBe(1)
    expect(lines.join('\n')).toContain('All keys matched')
  })

  it('closes an abandoned order, so it can no longer be paid', async () => {
    const created = await postJson('/api/checkout', { amount: 300 })
    const { orderId } = created.body as { orderId: string }
    const closed = await fetch(`${shop.url}/api/checkout/${orderId}/close`, { method: 'POST' })
    expect(closed.status).toBe(204)
    expect(await walletApp.payments.get({ orderId })).toMatchObject({ status: 'closed' })
  })

  it('refuses bad input and unsigned notifications', async () => {
    expect((await postJson('/api/checkout', { amount: 12.5 })).status).toBe(400)
    expect((await postJson('/api/checkout', { amount: -1 })).status).toBe(400)
    const forged = await fetch(shop.notifyUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'evt_forged',
        type: 'order.succeeded',
        createdAt: new Date().toISOString(),
        data: {},
      }),
    })
    expect(forged.status).toBe(400)
    expect(shop.deliveries.some((d) => d.eventId === 'evt_forged')).toBe(false)
  })
})

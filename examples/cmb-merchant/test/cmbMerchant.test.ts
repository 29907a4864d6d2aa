/**
 * The CMB shop against the CMB-dialect sandbox on 127.0.0.1, configured the way a merchant would
 * configure it for CMB's test host (the same environment variables, `CMB_BASE_URL` at the sandbox):
 * a QR order over HTTP, paid from a wallet, CMB's form notification verified and acked, a refund, a
 * query.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { type Sandbox, startSandbox } from '@ecny/mock-rails'
import { createClient } from '@ecny/sdk-core'
import { until } from '@ecny/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CmbMerchant, startCmbMerchant } from '../app.js'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const entry = fileURLToPath(new URL('../index.ts', import.meta.url))

/** What the shop answers (the fields the test reads). */
type ShopJson = Record<string, unknown> & { merchantOrderNo: string; qrPayload: string }

let sandbox: Sandbox
let shop: CmbMerchant

const post = async (path: string, body: unknown) => {
  const response = await fetch(`${shop.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as ShopJson }
}
const get = async (path: string) => {
  const response = await fetch(`${shop.url}${path}`)
  return { status: response.status, body: (await response.json()) as ShopJson }
}

async function payFromWallet(qrPayload: string) {
  const wallets = createClient({ baseUrl: sandbox.url, credentials: sandbox.credentials })
  const wallet = await wallets.wallets.open({ type: 'WT01', level: 'WL04', mobile: '13812345678' })
  await wallets.wallets.topUp({ walletId: wallet.id, amount: 10_000, bankCard: '6222020000000007' })
  const scanned = await wallets.payments.resolveQr({ payload: qrPayload })
  await wallets.payments.pay({ orderId: scanned.orderId, walletId: wallet.id, amount: scanned.amount })
  return wallet.id
}

describe('pointed at a CMB gateway by CMB_ variables (here the sandbox, by CMB_BASE_URL)', () => {
  beforeAll(async () => {
    sandbox = await startSandbox({ dialect: 'cmb', log: false, notificationIntervalMs: 20 })
    const credentials = sandbox.cmb!
    shop = await startCmbMerchant({
      env: {
        CMB_APP_ID: credentials.appId,
        CMB_SECRET: credentials.secret,
        CMB_MER_ID: credentials.merId,
        CMB_PRIVATE_KEY: credentials.privateKey,
        CMB_GATEWAY_PUBLIC_KEY: credentials.gatewayPublicKey,
        CMB_BASE_URL: sandbox.url,
      },
      port: 0,
      log: false,
    })
  })
  afterAll(async () => {
    await shop?.close()
    await sandbox?.close()
  })

  it('QR order → paid → form notification verified and acked → refund → query', async () => {
    expect(shop.gateway).toBe(sandbox.url)
    const created = await post('/api/orders', { amount: 1_250, description: 'Latte' })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ amount: 1_250, status: 'pending' })
    const no = created.body.merchantOrderNo as string
    expect(no).toMatch(/^[A-Za-z0-9-]{6,32}$/)
    const railsOrder = sandbox.rails.engine.findOrderByMerchantOrderNo(sandbox.cmb!.merchantId, no)
    expect(railsOrder).toMatchObject({ amount: 1_250, status: 'created' })

    const walletId = await payFromWallet(created.body.qrPayload)
    await until(
      () => shop.orders.get(no)?.status === 'paid',
      10_000,
      'the notification marked the order paid',
    )
    // CMB's notification: delivered to the shop's notify URL and accepted (signed ack) at the first
    // try; applied once. (The sandbox may deliver a round twice when rounds overlap; a repeat is
    // acknowledged and not applied again.)
    const deliveries = () => sandbox.cmb!.door.notifications.list().filter((r) => r.url === shop.notifyUrl)
    await until(() => deliveries()[0]?.status === 'delivered', 10_000, 'the gateway accepted the ack')
    expect(deliveries()).toHaveLength(1)
    expect(deliveries()[0]!.attempts.every((attempt) => attempt.ok && attempt.httpStatus === 200)).toBe(true)
    expect(shop.deliveries.filter((d) => d.applied)).toEqual([
      { eventId: `cmb:order:${no}:succeeded`, type: 'order.succeeded', applied: true },
    ])
    expect(shop.deliveries.every((d) => d.eventId === `cmb:order:${no}:succeeded`)).toBe(true)

    const refund = await post(`/api/orders/${no}/refunds`, { amount: 300 })
    expect(refund.status).toBe(201)
    expect(refund.body).toMatchObject({ amount: 300, status: 'succeeded' })
    expect(sandbox.rails.engine.getBalance(walletId).available).toBe(10_000 - 1_250 + 300)

    const queried = await get(`/api/orders/${no}`)
    expect(queried.status).toBe(200)
    expect(queried.body).toMatchObject({
      merchantOrderNo: no,
      shop: { status: 'paid', amount: 1_250 },
      gateway: {
        status: expect.stringMatching(/^(succeeded|partially_refunded)$/),
        amount: 1_250,
        refundedAmount: 300,
      },
    })
    await until(
      () => shop.deliveries.some((d) => d.type === 'refund.succeeded'),
      10_000,
      'the refund notification',
    )
    expect(shop.orders.get(no)?.refunds).toEqual([
      { merchantRefundNo: refund.body.merchantRefundNo, amount: 300, status: 'succeeded' },
    ])
    expect(new Set(shop.deliveries.map((d) => d.type))).toEqual(
      new Set(['order.succeeded', 'refund.succeeded']),
    )
  })

  it('a notification that does not verify is refused and changes nothing', async () => {
    const created = await post('/api/orders', { amount: 500, description: 'Tea' })
    const record = sandbox.cmb!.door.notifications.list()[0]!
    const tampered = record.body.replace(/txnAmt=\d+/, 'txnAmt=1')
    expect(tampered).not.toBe(record.body)
    const response = await fetch(shop.notifyUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: tampered,
    })
    expect(response.status).toBe(400)
    const forged = record.body.replace(/orderId=[^&]+/, `orderId=${created.body.merchantOrderNo}`)
    expect((await fetch(shop.notifyUrl, { method: 'POST', body: forged })).status).toBe(400)
    expect(shop.orders.get(created.body.merchantOrderNo)?.status).toBe('pending')
  })

  it('answers 400 for a bad amount and 404 for an order it does not know', async () => {
    expect((await post('/api/orders', { amount: 12.5, description: 'x' })).status).toBe(400)
    expect((await get('/api/orders/NOPE-1')).status).toBe(404)
    expect((await post('/api/orders/NOPE-1/refunds', { amount: 1 })).status).toBe(404)
  })
})

it('with no CMB_ variable it starts its own CMB-dialect sandbox and takes a payment there', async () => {
  const own = await startCmbMerchant({ env: {}, port: 0, log: false })
  try {
    expect(own.sandbox?.url).toBe(own.gateway)
    const response = await fetch(`${own.url}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ amount: 800, description: 'Bread' }),
    })
    const created = (await response.json()) as { merchantOrderNo: string }
    const railsOrder = own.sandbox!.rails.engine.findOrderByMerchantOrderNo(
      own.sandbox!.cmb!.merchantId,
      created.merchantOrderNo,
    )
    const walletId = own.sandbox!.rails.engine.openWallet({ level: 'WL04', mobile: '13800138000' }).id
    own.sandbox!.rails.engine.topUp(walletId, { amount: 1_000, bankCard: '6222020200000000014' })
    own.sandbox!.rails.engine.payOrder(railsOrder.id, { walletId })
    await until(() => own.orders.get(created.merchantOrderNo)?.status === 'paid', 10_000, 'paid')
  } finally {
    await own.close()
  }
})

it('refuses to start when some CMB_ variables are set and others missing, saying which', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: { ...process.env, CMB_APP_ID: 'app-1', CMB_MER_ID: '308999170120AAA', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  let stdout = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
  })
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  expect(code).toBe(1)
  expect(stderr).toMatch(/CMB_SECRET, CMB_PRIVATE_KEY and CMB_GATEWAY_PUBLIC_KEY are missing/)
  expect(stdout).not.toMatch(/listening/)
})

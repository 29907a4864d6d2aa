/**
 * The same merchant test bodies against both dialects, over one sandbox each: the reference protocol
 * and CMB 聚合收单 (`startSandbox({ dialect: 'cmb' })`, `createMerchantClient({ operator: cmb(...) })`).
 * Payments are made on the rails' wallet side in process; notifications go over HTTP to a receiver on
 * 127.0.0.1 that verifies and acknowledges them the dialect's way.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { generateCmbGatewayKeys, type Sandbox, startSandbox } from '@ecny/mock-rails'
import { cmb } from '@ecny/operator-cmb'
import type { Order } from '@ecny/protocol'
import { EcnyError } from '@ecny/sdk-core'
import { createMerchantClient, type MerchantClient } from '@ecny/sdk-merchant'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

type Dialect = 'reference' | 'cmb'
type Received = { type: string; number: string }

/** What differs per dialect: the client, acknowledging a notification, the rails' id of an order. */
type World = {
  sandbox: Sandbox
  client: MerchantClient
  merchantId: string
  received: Received[]
  notifyUrl: string
  railsOrderId(order: Order): string
  /** How many times the gateway delivered the payment notification of this order (until acked). */
  paymentDeliveries(merchantOrderNo: string): number
  createRoute: string
  close(): Promise<void>
}

async function startReceiver(
  handle: (
    body: string,
    headers: Record<string, string>,
  ) => Promise<{ status: number; body: string; headers: Record<string, string> }>,
) {
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]))
    try {
      const answer = await handle(Buffer.concat(chunks).toString('utf8'), headers)
      res.writeHead(answer.status, answer.headers).end(answer.body)
    } catch {
      res.writeHead(400).end('rejected')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/notify`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

async function world(dialect: Dialect): Promise<World> {
  const received: Received[] = []
  const sandbox = await startSandbox({
    seed: 11,
    log: false,
    notificationIntervalMs: 20,
    ...(dialect === 'cmb' && { dialect }),
  })
  const numberOf = (data: { merchantOrderNo?: string; merchantRefundNo?: string }) =>
    data.merchantRefundNo ?? data.merchantOrderNo ?? '?'
  if (dialect === 'reference') {
    const client = createMerchantClient({
      baseUrl: sandbox.url,
      credentials: sandbox.credentials,
      merchantId: sandbox.merchantId,
      maxRetries: 1,
      notifications: { replayStore: false },
    })
    const seen = new Set<string>()
    const receiver = await startReceiver(async (body, headers) => {
      const event = await client.notifications.verify(body, headers)
      if (!seen.has(event.id)) {
        seen.add(event.id)
        received.push({ type: event.type, number: numberOf(event.data as never) })
      }
      return {
        status: 200,
        body: JSON.stringify({ code: 'SUCCESS' }),
        headers: { 'content-type': 'application/json' },
      }
    })
    return {
      sandbox,
      client,
      merchantId: sandbox.merchantId,
      received,
      notifyUrl: receiver.url,
      railsOrderId: (order) => order.id,
      paymentDeliveries: (number) =>
        sandbox.rails.notifications
          .list()
          .filter((r) => r.type === 'order.succeeded' && (r.data as Order).merchantOrderNo === number)
          .flatMap((r) => r.attempts).length,
      createRoute: 'POST /v1/orders',
      close: async () => {
        await receiver.close()
        await sandbox.close()
      },
    }
  }
  const credentials = sandbox.cmb!
  const operator = cmb({ ...credentials, environment: sandbox.url })
  const client = createMerchantClient({ operator, maxRetries: 1 })
  const seen = new Set<string>()
  const receiver = await startReceiver(async (body) => {
    const { event } = operator.parseNotification(body)
    if (!seen.has(event.id)) {
      seen.add(event.id)
      received.push({ type: event.type, number: numberOf(event.data as never) })
    }
    const ack = operator.ack()
    return { status: ack.status, body: ack.body, headers: ack.headers }
  })
  return {
    sandbox,
    client,
    merchantId: credentials.merchantId,
    received,
    notifyUrl: receiver.url,
    railsOrderId: (order) => String((order as { cmbOrderId?: string }).cmbOrderId),
    paymentDeliveries: (number) =>
      credentials.door.notifications
        .list()
        .filter((r) => {
          const form = new URLSearchParams(r.body)
          return form.get('orderId') === number && !form.has('origOrderId')
        })
        .flatMap((r) => r.attempts).length,
    createRoute: 'POST /polypay/v1.0/mchorders/ecny/unifiedOrder',
    close: async () => {
      await receiver.close()
      await sandbox.close()
    },
  }
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
  expect(check(), what).toBe(true)
}
const codeOf = async (run: () => Promise<unknown>) => {
  try {
    await run()
    return 'ok'
  } catch (error) {
    if (error instanceof EcnyError) return error.code
    throw error
  }
}
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)

describe.each(['reference', 'cmb'] as const)('merchant flows, %s dialect', (dialect) => {
  let w: World
  let walletId: string
  beforeAll(async () => {
    w = await world(dialect)
    walletId = w.sandbox.rails.engine.openWallet({ level: 'WL04', mobile: '13800138000' }).id
    w.sandbox.rails.engine.topUp(walletId, { amount: 500_000, bankCard: '6222020200000000014' })
  })
  afterAll(() => w.close())

  it('QR order → paid → notification verified and acked once → partial refund → statement', async () => {
    const order = await w.client.orders.create({
      mode: 'qr',
      merchantOrderNo: `${dialect}-Q-1`,
      amount: 1_250,
      description: 'Latte',
      notifyUrl: w.notifyUrl,
    })
    expect(order).toMatchObject({ status: 'created', amount: 1_250 })
    expect(order.qrPayload).toBeTruthy()
    w.sandbox.rails.engine.payOrder(w.railsOrderId(order), { walletId })
    const paid = await w.client.orders.getByMerchantOrderNo({ merchantOrderNo: `${dialect}-Q-1` })
    expect(paid).toMatchObject({ status: 'succeeded', amount: 1_250 })
    await until(() => w.received.some((r) => r.number === `${dialect}-Q-1`), 'the order notification arrived')
    await new Promise((r) => setTimeout(r, 100))
    expect(w.paymentDeliveries(`${dialect}-Q-1`)).toBe(1)
    expect(w.received.filter((r) => r.number === `${dialect}-Q-1`)).toEqual([
      { type: 'order.succeeded', number: `${dialect}-Q-1` },
    ])

    const refund = await w.client.refunds.create({
      orderId: paid.id,
      merchantRefundNo: `${dialect}-R-1`,
      amount: 300,
    })
    expect(refund).toMatchObject({ amount: 300, status: 'succeeded', merchantRefundNo: `${dialect}-R-1` })
    expect(await w.client.refunds.get({ refundId: refund.id })).toMatchObject({
      status: 'succeeded',
      amount: 300,
    })
    expect(await w.client.orders.get({ orderId: paid.id })).toMatchObject({ refundedAmount: 300 })

    const rows = []
    for await (const row of w.client.statements.download({ date: today() })) rows.push(row)
    expect(rows.some((row) => row.recordType === 'order' && row.merchantOrderNo === `${dialect}-Q-1`)).toBe(
      true,
    )
    expect(rows.some((row) => row.recordType === 'refund' && row.merchantRefundNo === `${dialect}-R-1`)).toBe(
      true,
    )
  })

  it('customer-code payment and its reversal; no reversal after a refund', async () => {
    const pay = (merchantOrderNo: string) =>
      w.client.orders.create({
        mode: 'payment_code',
        merchantOrderNo,
        amount: 800,
        description: 'Bread',
        paymentCode: w.sandbox.rails.engine.createPaymentCode(walletId).code,
        terminalId: 'T0000001',
      })
    const order = await pay(`${dialect}-P-1`)
    expect(order).toMatchObject({ status: 'succeeded', amount: 800 })
    expect(await w.client.orders.cancel({ orderId: order.id })).toMatchObject({ status: 'canceled' })

    const refunded = await pay(`${dialect}-P-2`)
    await w.client.refunds.create({ orderId: refunded.id, merchantRefundNo: `${dialect}-R-P-2`, amount: 100 })
    expect(await codeOf(() => w.client.orders.cancel({ orderId: refunded.id }))).toBe('invalid_state')
  })

  it('sub-wallet payment', async () => {
    const sub = w.sandbox.rails.engine.createSubWallet(walletId, {
      merchantId: w.merchantId,
      caps: { single: 20_000, daily: 50_000 },
    })
    const order = await w.client.orders.create({
      mode: 'sub_wallet',
      merchantOrderNo: `${dialect}-S-1`,
      amount: 500,
      description: 'Metro',
      subWalletId: sub.id,
    })
    expect(order).toMatchObject({ status: 'succeeded', amount: 500 })
  })

  it('unknown outcome under dropped answers, resolved by querying the merchant order number', async () => {
    const merchantOrderNo = `${dialect}-U-1`
    w.sandbox.rails.faults.set({ routes: { [w.createRoute]: { dropEveryAnswer: 1 } } })
    let unknown: EcnyError | undefined
    try {
      await w.client.orders.create({ mode: 'qr', merchantOrderNo, amount: 990, description: 'Cake' })
    } catch (error) {
      unknown = error as EcnyError
    }
    w.sandbox.rails.faults.set({})
    expect(unknown?.code).toBe('result_unknown')
    expect(unknown?.details.merchantOrderNo).toBe(merchantOrderNo)
    const inFlight = async () => (await w.client.orders.listInFlight()).map((c) => c.merchantOrderNo)
    expect(await inFlight()).toEqual([merchantOrderNo])
    const made = w.sandbox.rails.engine.findOrderByMerchantOrderNo(w.merchantId, merchantOrderNo)
    w.sandbox.rails.engine.payOrder(made.id, { walletId })
    const settled = await w.client.orders.resolveUnknownOutcome({ merchantOrderNo, pollIntervalMs: 0 })
    expect(settled).toMatchObject({ outcome: 'final', order: { status: 'succeeded', amount: 990 } })
    expect(await inFlight()).toEqual([])
  })

  it('a contract payment with a profit split, through orders.create: cleared after its delay, split paid out', async () => {
    const rails = w.sandbox.rails
    const payer = rails.engine.openWallet({ level: 'WL04', mobile: '13800138002' }).id
    rails.engine.topUp(payer, { amount: 10_000, bankCard: '6222020200000000014' })
    const a = rails.engine.openWallet({ level: 'WL04', mobile: '13800138003' }).id
    const b = rails.engine.openWallet({ level: 'WL04', mobile: '13800138004' }).id
    const contract = {
      delayTime: 0,
      timeUnit: 'minute' as const,
      benefitList: [
        { benefitWalletId: a, percent: 0.7 },
        { benefitWalletId: b, percent: 0.3 },
      ],
    }
    const order = await w.client.orders.create({
      mode: 'qr',
      merchantOrderNo: `${dialect}-C-1`,
      amount: 1_000,
      description: 'Tickets',
      contract,
    })
    expect(order).toMatchObject({ status: 'created', contract: { delayTime: 0, timeUnit: 'minute' } })
    rails.engine.payOrder(w.railsOrderId(order), { walletId: payer })
    // Cleared once its delay passed (none here): the gateway pays the split out of the settlement wallet.
    for (let i = 0; i < 200 && rails.engine.getBalance(b).available !== 300; i++) {
      await w.client.orders.get({ orderId: order.id })
      await new Promise((r) => setTimeout(r, 10))
    }
    expect(rails.engine.getBalance(b)).toMatchObject({ available: 300 })
    expect(rails.engine.getBalance(a)).toMatchObject({ available: 700 })
  })

  it('a contract whose split does not add up to 1 is invalid_request, naming the field, before sending', async () => {
    const bad = {
      delayTime: 1,
      timeUnit: 'day' as const,
      benefitList: [{ benefitWalletId: 'W1', percent: 0.5 }],
    }
    const error = await w.client.orders
      .create({
        mode: 'qr',
        merchantOrderNo: `${dialect}-C-2`,
        amount: 1_000,
        description: 'Tickets',
        contract: bad,
      })
      .catch((e: unknown) => e as EcnyError)
    expect(error).toMatchObject({ code: 'invalid_request' })
    expect(error.message).toMatch(/contract\.benefitList.*add up to 1/)
    expect(
      await codeOf(() => w.client.orders.getByMerchantOrderNo({ merchantOrderNo: `${dialect}-C-2` })),
    ).toBe('not_found')
  })
})

describe('CMB-only rules over the CMB dialect', () => {
  let w: World
  beforeAll(async () => {
    w = await world('cmb')
  })
  afterAll(() => w.close())

  it('reversal refused for a QR order (主扫交易暂不支持撤销); onboarding is unsupported_by_operator', async () => {
    const walletId = w.sandbox.rails.engine.openWallet({ level: 'WL04', mobile: '13800138001' }).id
    w.sandbox.rails.engine.topUp(walletId, { amount: 10_000, bankCard: '6222020200000000014' })
    const order = await w.client.orders.create({
      mode: 'qr',
      merchantOrderNo: 'X-1',
      amount: 100,
      description: 'Tea',
    })
    w.sandbox.rails.engine.payOrder(w.railsOrderId(order), { walletId })
    const error = await w.client.orders.cancel({ orderId: order.id }).catch((e: unknown) => e as EcnyError)
    expect(error).toMatchObject({ code: 'invalid_state', details: { operatorCode: 'CANCEL_NOT_ALLOWED' } })
    expect(await codeOf(() => w.client.onboarding.get({ merchantId: 'm_1' }))).toBe('unsupported_by_operator')
  })

  it('through the SDK: a wrong gateway key or SM2 user ID rejects every CMB answer (signature_invalid)', async () => {
    const credentials = w.sandbox.cmb!
    const other = cmb({
      ...credentials,
      gatewayPublicKey: generateCmbGatewayKeys().publicKey,
      environment: w.sandbox.url,
    })
    const wrongUserId = cmb({ ...credentials, sm2UserId: 'ALICE123@YAHOO.COM', environment: w.sandbox.url })
    for (const operator of [other, wrongUserId]) {
      const client = createMerchantClient({ operator, maxRetries: 0 })
      expect(await codeOf(() => client.orders.getByMerchantOrderNo({ merchantOrderNo: 'X-1' }))).toBe(
        'signature_invalid',
      )
    }
  })
})

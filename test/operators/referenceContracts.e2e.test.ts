/**
 * The reference sandbox's side of contract payments, reached past the SDK's own checks (with
 * `client.request`, as a client of another language would): it refuses what the protocol's
 * `contractPayment` refuses, keeps one contract per merchant order number, and clears only once the
 * delay has passed on the rails clock.
 */
import { type Sandbox, startSandbox } from '@ecny/mock-rails'
import { type Order, operations } from '@ecny/protocol'
import { EcnyError } from '@ecny/sdk-core'
import { fromOperation } from '@ecny/sdk-core/internal'
import { createMerchantClient, type MerchantClient } from '@ecny/sdk-merchant'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let sandbox: Sandbox
let client: MerchantClient
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3, log: false })
  client = createMerchantClient({
    baseUrl: sandbox.url,
    credentials: sandbox.credentials,
    merchantId: sandbox.merchantId,
    maxRetries: 0,
    notifications: { replayStore: false },
  })
})
afterAll(() => sandbox.close())

const wallet = (mobile: string) => sandbox.rails.engine.openWallet({ level: 'WL04', mobile }).id
const create = (body: Record<string, unknown>) =>
  client.request({
    ...fromOperation(operations.createOrder),
    body: { mode: 'qr', amount: 1_000, description: 'Tickets', ...body },
  }) as Promise<Order & { contract?: Record<string, unknown> }>
const codeOf = (run: () => Promise<unknown>) =>
  run().then(
    () => 'accepted',
    (e: unknown) => (e instanceof EcnyError ? e.code : String(e)),
  )

describe('contract payments at the reference sandbox', () => {
  it('refuses a split not adding up to 1, more than two decimals, and a contract on a non-QR order', async () => {
    const a = wallet('13900000001')
    const split = (percent: number) => ({
      delayTime: 0,
      timeUnit: 'minute',
      benefitList: [{ benefitWalletId: a, percent }],
    })
    const refused = await create({ merchantOrderNo: 'RC-1', contract: split(0.5) }).catch((e) => e)
    expect(refused).toMatchObject({ code: 'invalid_request' })
    expect(String(refused.message)).toContain('contract.benefitList')
    expect(await codeOf(() => create({ merchantOrderNo: 'RC-2', contract: split(1.001) }))).toBe(
      'invalid_request',
    )
    expect(await codeOf(() => create({ merchantOrderNo: 'RC-3', mode: 'app', contract: split(1) }))).toBe(
      'invalid_request',
    )
  })

  it('one contract per merchant order number: the same is a retry, another is duplicate_merchant_order_no', async () => {
    const a = wallet('13900000002')
    const contract = { delayTime: 1, timeUnit: 'hour', benefitList: [{ benefitWalletId: a, percent: 1 }] }
    const first = await create({ merchantOrderNo: 'RC-4', contract })
    const again = await create({ merchantOrderNo: 'RC-4', contract })
    expect(again.id).toBe(first.id)
    expect(again.contract).toMatchObject({ delayTime: 1, timeUnit: 'hour' })
    expect(
      await codeOf(() => create({ merchantOrderNo: 'RC-4', contract: { ...contract, delayTime: 2 } })),
    ).toBe('duplicate_merchant_order_no')
    await create({ merchantOrderNo: 'RC-5' })
    expect(await codeOf(() => create({ merchantOrderNo: 'RC-5', contract }))).toBe(
      'duplicate_merchant_order_no',
    )
  })

  it('clears only once the delay has passed on the rails clock, then pays the split out once', async () => {
    const payer = wallet('13900000003')
    sandbox.rails.engine.topUp(payer, { amount: 10_000, bankCard: '6222020200000000014' })
    const [a, b] = [wallet('13900000004'), wallet('13900000005')]
    const order = await create({
      merchantOrderNo: 'RC-6',
      amount: 999,
      contract: {
        delayTime: 1,
        timeUnit: 'minute',
        benefitList: [
          { benefitWalletId: a, percent: 0.5 },
          { benefitWalletId: b, percent: 0.5 },
        ],
      },
    })
    sandbox.rails.engine.payOrder(order.id, { walletId: payer })
    await client.orders.get({ orderId: order.id })
    expect(sandbox.rails.engine.getBalance(a).available).toBe(0)
    sandbox.rails.clock.advance(61_000)
    const cleared = (await client.orders.get({ orderId: order.id })) as Order & {
      contract?: Record<string, unknown>
    }
    expect(cleared.contract?.settledAt).toEqual(expect.any(String))
    await client.orders.get({ orderId: order.id })
    // The last share takes the rounding remainder; nothing is paid twice.
    expect([
      sandbox.rails.engine.getBalance(a).available,
      sandbox.rails.engine.getBalance(b).available,
    ]).toEqual([499, 500])
  })
})

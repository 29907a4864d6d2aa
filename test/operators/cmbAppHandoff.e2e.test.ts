/**
 * `orders.createAppHandoff` on the CMB door: the same call and the same return type as on the
 * reference gateway, filled from CMB's §4.17 answer (`ecny/unifiedOrder` with transactionType TT03:
 * `context` {mrchntNo, cdtrPtyId, encryptKey, encryptInfo, ncrptnSN} and `invokeUrl`). Against the
 * CMB sandbox (`startSandbox({ dialect: 'cmb' })`) over HTTP, with `createMerchantClient({ operator:
 * cmb(...) })`; the holder's wallet pays on the rails' wallet side.
 */
import { type Sandbox, startSandbox } from '@ecny/mock-rails'
import { cmb } from '@ecny/operator-cmb'
import { appHandoff } from '@ecny/protocol/app-pay'
import { EcnyError } from '@ecny/sdk-core'
import { createMerchantClient, type MerchantClient } from '@ecny/sdk-merchant'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let sandbox: Sandbox
let client: MerchantClient
let walletId: string
const merchantAppId = 'shop-app-1'

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 17, log: false, dialect: 'cmb' })
  client = createMerchantClient({
    operator: cmb({ ...sandbox.cmb!, environment: sandbox.url }),
    maxRetries: 1,
  })
  walletId = sandbox.rails.engine.openWallet({ level: 'WL04', mobile: '13800138001' }).id
  sandbox.rails.engine.topUp(walletId, { amount: 100_000, bankCard: '6222020200000000014' })
})
afterAll(() => sandbox.close())

const door = () => sandbox.cmb!.door
const codeOf = (run: () => Promise<unknown>) =>
  run().then(
    () => 'ok',
    (error: unknown) => (error instanceof EcnyError ? error.code : Promise.reject(error)),
  )

describe('the app / H5 hand-off on the CMB door', () => {
  it("returns CMB's context in the SDK's hand-off fields; the wallet app reads the order from it and pays", async () => {
    const order = await client.orders.create({
      mode: 'app',
      merchantOrderNo: 'H-1',
      amount: 1_250,
      description: 'Tea',
    })
    expect(order).toMatchObject({ id: 'H-1', mode: 'app', status: 'created', amount: 1_250 })
    const handoff = await client.orders.createAppHandoff({ order, merchantAppId })
    expect(appHandoff.safeParse(handoff).success).toBe(true)
    expect(Object.keys(handoff).sort()).toEqual([
      'creditorInstitutionId',
      'encryptedInfo',
      'encryptedKey',
      'encryptionSN',
      'invokeUrl',
      'merchantAppId',
      'merchantNo',
    ])
    expect(handoff).toMatchObject({ merchantAppId, merchantNo: sandbox.cmb!.merId })

    const info = door().openAppContext({
      encryptKey: handoff.encryptedKey,
      encryptInfo: handoff.encryptedInfo,
      ncrptnSN: handoff.encryptionSN,
    })
    expect(info).toMatchObject({
      orderId: 'H-1',
      txnAmt: '1250',
      goodsName: 'Tea',
      mrchntNo: sandbox.cmb!.merId,
    })
    sandbox.rails.engine.payOrder(info!.cmbOrderId, { walletId })
    expect(await client.orders.getByMerchantOrderNo({ merchantOrderNo: 'H-1' })).toMatchObject({
      status: 'succeeded',
      amount: 1_250,
    })
    // The order object is trusted as given (nothing is read); by its id, the paid order is refused.
    expect((await client.orders.createAppHandoff({ order, merchantAppId })).encryptedKey).toBe(
      handoff.encryptedKey,
    )
    expect(await codeOf(() => client.orders.createAppHandoff({ orderId: 'H-1', merchantAppId }))).toBe(
      'order_not_payable',
    )
  })

  it('from the order id alone: reads the order at CMB and initiates it again under its number', async () => {
    const order = await client.orders.create({
      mode: 'app',
      merchantOrderNo: 'H-2',
      amount: 300,
      description: 'Coins',
    })
    const handoff = await client.orders.createAppHandoff({ orderId: order.id, merchantAppId })
    const info = door().openAppContext({
      encryptKey: handoff.encryptedKey,
      encryptInfo: handoff.encryptedInfo,
      ncrptnSN: handoff.encryptionSN,
    })
    expect(info).toMatchObject({
      orderId: 'H-2',
      txnAmt: '300',
      cmbOrderId: (order as { cmbOrderId?: string }).cmbOrderId,
    })
    // Still one order at CMB.
    expect(await client.orders.getByMerchantOrderNo({ merchantOrderNo: 'H-2' })).toMatchObject({
      amount: 300,
    })
  })

  it('refuses a creditor institution other than the one CMB sealed for, and a QR order', async () => {
    const order = await client.orders.create({
      mode: 'app',
      merchantOrderNo: 'H-3',
      amount: 100,
      description: 'Tea',
    })
    const error = await client.orders
      .createAppHandoff({ order, merchantAppId, creditorInstitutionId: 'ELSEWHERE' })
      .catch((e: EcnyError) => e)
    expect(error).toMatchObject({ code: 'invalid_request' })
    const qr = await client.orders.create({
      mode: 'qr',
      merchantOrderNo: 'Q-3',
      amount: 100,
      description: 'Tea',
    })
    expect(await codeOf(() => client.orders.createAppHandoff({ order: qr, merchantAppId }))).toBe(
      'invalid_request',
    )
    // Its number, read back from CMB (which does not say the mode), is refused by CMB as another order's.
    expect(await codeOf(() => client.orders.createAppHandoff({ orderId: 'Q-3', merchantAppId }))).toBe(
      'duplicate_merchant_order_no',
    )
  })
})

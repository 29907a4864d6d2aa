/**
 * The CMB door's app / H5 orders (§4.17 数字人民币统一下单, transactionType TT03/TT04/TT13): the
 * answer carries `invokeUrl` and the wallet app's `context`, its order info SM4-encrypted under a
 * fresh key that is SM2-encrypted to the wallet operator's key named by `ncrptnSN`; the order is the
 * engine's, so paying it in the wallet shows at CMB. Initiating it again under its number answers the
 * same order with a fresh context until it is paid.
 */
import {
  cmbApiSign,
  readReceivedFields,
  signCmbEnvelope,
  sm2Decrypt,
  sm4DecryptCbc,
} from '@ecny/operator-cmb'
import type { Order } from '@ecny/protocol'
import { describe, expect, it } from 'vitest'
import { createCmbDoorState } from '../../src/cmb/cmbDoorState.js'
import { createCmbDoor } from '../../src/cmb/createCmbDoor.js'
import { createRails } from '../../src/createRails.js'
import { cmbHarness } from './cmbHarness.js'

type AppOrder = Order & {
  cmbOrderId: string
  appHandoff: {
    merchantNo: string
    creditorInstitutionId: string
    encryptedKey: string
    encryptedInfo: string
    encryptionSN: string
    invokeUrl: string
  }
}
const app = (merchantOrderNo: string, amount = 1250) => ({
  method: 'POST',
  path: '/v1/orders',
  body: { merchantOrderNo, amount, description: 'Tea', mode: 'app' },
})
const contextOf = (order: AppOrder) => ({
  encryptKey: order.appHandoff.encryptedKey,
  encryptInfo: order.appHandoff.encryptedInfo,
  ncrptnSN: order.appHandoff.encryptionSN,
})

describe('app orders at the CMB door', () => {
  it('answers the context for the wallet app, sealed with SM2 and SM4, naming the order', async () => {
    const h = cmbHarness()
    const order = await h.ok<AppOrder>(app('H-1'))
    expect(order).toMatchObject({ id: 'H-1', mode: 'app', status: 'created', amount: 1250, qrPayload: null })
    expect(order.appHandoff).toMatchObject({
      merchantNo: h.credentials.merId,
      creditorInstitutionId: expect.stringMatching(/^.{14}$/),
      encryptionSN: expect.stringMatching(/^.{1,10}$/),
      invokeUrl: expect.stringContaining(order.cmbOrderId),
    })
    // What the wallet app reads: the key unwrapped with the operator's SM2 key, the info with SM4.
    const key = h.door.state.appKeys.get(order.appHandoff.encryptionSN)!
    const info = JSON.parse(
      sm4DecryptCbc(
        order.appHandoff.encryptedInfo,
        sm2Decrypt(order.appHandoff.encryptedKey, key.privateKey),
      ),
    )
    expect(info).toEqual({
      cmbOrderId: order.cmbOrderId,
      orderId: 'H-1',
      mrchntNo: h.credentials.merId,
      txnAmt: '1250',
      currencyCode: '156',
      goodsName: 'Tea',
      orderTimeExpire: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
    })
    expect(h.door.openAppContext(contextOf(order))).toEqual(info)
    expect(h.door.openAppContext({ ...contextOf(order), ncrptnSN: 'SBX9999999' })).toBeUndefined()

    h.rails.engine.payOrder(order.cmbOrderId, { walletId: h.wallet.id })
    expect(await h.ok<Order>({ method: 'GET', path: '/v1/orders/H-1' })).toMatchObject({
      status: 'succeeded',
    })
  })

  it('answers the same unpaid order, freshly sealed, when it is initiated again; refuses once paid', async () => {
    const h = cmbHarness()
    const first = await h.ok<AppOrder>(app('H-2'))
    const again = await h.ok<AppOrder>(app('H-2'))
    expect(again.cmbOrderId).toBe(first.cmbOrderId)
    expect(again.appHandoff.encryptedKey).not.toBe(first.appHandoff.encryptedKey)
    expect(h.door.openAppContext(contextOf(again))).toEqual(h.door.openAppContext(contextOf(first)))

    const other = await h.call(app('H-2', 999))
    expect(other.ok ? 'ok' : other.error.code).toBe('duplicate_merchant_order_no')
    h.rails.engine.payOrder(first.cmbOrderId, { walletId: h.wallet.id })
    const paid = await h.call(app('H-2'))
    expect(paid.ok ? 'ok' : [paid.error.code, paid.error.details.operatorCode]).toEqual([
      'invalid_state',
      'ORDER_PAID',
    ])
  })

  it('refuses a transactionType §4.17 does not list', async () => {
    const h = cmbHarness()
    const request = h.operator.codec.encode(app('H-3'), h.rails.clock.now())
    const biz = JSON.parse(JSON.parse(request.body).biz_content) as Record<string, unknown>
    const envelope = signCmbEnvelope(
      { ...biz, transactionType: 'TT05' },
      h.credentials.privateKey,
      '1234567812345678',
    )
    const headers = {
      ...request.headers,
      apisign: cmbApiSign({
        appId: h.credentials.appId,
        secret: h.credentials.secret,
        sign: envelope.sign!,
        timestamp: request.headers.timestamp!,
      }),
    }
    const response = await h.door.handle(
      new Request(request.url, { method: 'POST', headers, body: JSON.stringify(envelope) }),
    )
    expect(readReceivedFields(await response.text())).toMatchObject({
      returnCode: 'SUCCESS',
      respCode: 'FAIL',
      errCode: 'PARAM_ERROR',
      // Fields as received: CMB escapes slashes.
      respMsg: String.raw`transactionType TT05 is not offered on ecny\/unifiedOrder.`,
    })
  })

  it('keeps the wallet operator key in the door state, so contexts open after a restart', async () => {
    const h = cmbHarness()
    const order = await h.ok<AppOrder>(app('H-4'))
    const state = createCmbDoorState()
    for (const [serial, key] of h.door.state.appKeys) state.appKeys.set(serial, { ...key })
    const restarted = createCmbDoor(createRails({ state: h.rails.snapshot() }), {
      state,
      gatewayKeys: h.door.gatewayKeys,
    })
    expect(restarted.openAppContext(contextOf(order))).toMatchObject({ orderId: 'H-4', txnAmt: '1250' })
  })
})

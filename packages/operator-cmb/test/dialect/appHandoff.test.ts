/**
 * App / H5 orders under CMB (§4.17 数字人民币统一下单): the reference `app` order is `ecny/unifiedOrder`
 * with `transactionType` TT03 (or TT04 / TT13 by `appLaunch`), and CMB's answer — `invokeUrl` and
 * `context` {cdtrPtyId, mrchntNo, encryptKey, encryptInfo, ncrptnSN} — becomes the order's
 * `appHandoff` in the SDK's hand-off fields.
 */
import { appHandoff } from '@ecny/protocol/app-pay'
import type { EcnyError } from '@ecny/sdk-core'
import { describe, expect, it } from 'vitest'
import { cmb, cmbAppHandoffFields, cmbResponseText } from '../../src/index.js'
import { gatewayPrivateKey, testConfig } from './cmbTestKeys.js'

const now = Date.UTC(2025, 0, 1, 4, 0, 0)
const appCall = {
  method: 'POST',
  path: '/v1/orders',
  body: { merchantOrderNo: 'H-1', amount: 1250, description: 'Tea', mode: 'app' },
}
const bizOf = (body: string) => JSON.parse(JSON.parse(body).biz_content) as Record<string, unknown>
const context = {
  cdtrPtyId: 'CDTRPARTY00001',
  mrchntNo: '308999170120AAA',
  encryptKey: 'MHwCIQDf…wrapped-key',
  encryptInfo: 'q3kV…sm4-ciphertext',
  ncrptnSN: '4000000001',
}
const answer = (fields: Record<string, unknown>) =>
  cmbResponseText(
    { returnCode: 'SUCCESS', respCode: 'SUCCESS' },
    {
      merId: testConfig.merId,
      orderId: 'H-1',
      cmbOrderId: '100425010112000009',
      txnAmt: '1250',
      txnTime: '20250101120000',
      ...fields,
    },
    gatewayPrivateKey,
  )

describe('app orders under cmb()', () => {
  it('are ecny/unifiedOrder with transactionType TT03 by default, TT04 or TT13 by appLaunch', () => {
    const request = cmb(testConfig).codec.encode(appCall, now)
    expect(request.url).toBe('https://api.cmburl.cn:8065/polypay/v1.0/mchorders/ecny/unifiedOrder')
    expect(bizOf(request.body)).toMatchObject({
      orderId: 'H-1',
      txnAmt: '1250',
      transactionType: 'TT03',
      goodsName: 'Tea',
      orderTimeExpire: '2025-01-01T12:15:00',
    })
    const h5 = cmb({ ...testConfig, appLaunch: 'h5' }).codec.encode(appCall, now)
    expect(bizOf(h5.body).transactionType).toBe('TT04')
    const mini = cmb({ ...testConfig, appLaunch: 'mini_program' }).codec.encode(appCall, now)
    expect(bizOf(mini.body).transactionType).toBe('TT13')
    expect(() => cmb({ ...testConfig, appLaunch: 'tv' as never })).toThrow(/appLaunch/)
  })

  it("carry CMB's context and invokeUrl as the order's appHandoff, in the hand-off's field names", () => {
    const decoded = cmb(testConfig).codec.decode(
      appCall,
      { status: 200, body: answer({ invokeUrl: 'https://ecny.example/invoke?t=1', context }) },
      now,
    )
    expect(decoded).toMatchObject({
      ok: true,
      data: {
        id: 'H-1',
        mode: 'app',
        status: 'created',
        cmbOrderId: '100425010112000009',
        appHandoff: {
          merchantNo: context.mrchntNo,
          creditorInstitutionId: context.cdtrPtyId,
          encryptedKey: context.encryptKey,
          encryptedInfo: context.encryptInfo,
          encryptionSN: context.ncrptnSN,
          invokeUrl: 'https://ecny.example/invoke?t=1',
        },
      },
    })
    // With the merchant's app id it is exactly the SDK's hand-off.
    const { appHandoff: sealed } = (decoded as { data: { appHandoff: Record<string, string> } }).data
    expect(appHandoff.safeParse({ merchantAppId: 'app-1', ...sealed }).success).toBe(true)
    expect(Object.keys(cmbAppHandoffFields).sort()).toEqual([
      'cdtrPtyId',
      'encryptInfo',
      'encryptKey',
      'invokeUrl',
      'mrchntNo',
      'ncrptnSN',
    ])
  })

  it('read a context CMB sends as a JSON string too', () => {
    const decoded = cmb(testConfig).codec.decode(
      appCall,
      { status: 200, body: answer({ context: JSON.stringify(context) }) },
      now,
    )
    expect(decoded).toMatchObject({ ok: true, data: { appHandoff: { encryptionSN: '4000000001' } } })
  })

  it('refuse an answer without the encrypted fields or the serial, naming what is missing', () => {
    let error: EcnyError | undefined
    try {
      cmb(testConfig).codec.decode(
        appCall,
        {
          status: 200,
          body: answer({
            invokeUrl: 'https://ecny.example/i',
            context: { cdtrPtyId: context.cdtrPtyId, mrchntNo: context.mrchntNo },
          }),
        },
        now,
      )
    } catch (caught) {
      error = caught as EcnyError
    }
    expect(error).toMatchObject({
      code: 'invalid_response',
      details: {
        operator: 'cmb',
        missing: ['encryptKey', 'encryptInfo', 'ncrptnSN'],
        invokeUrl: 'https://ecny.example/i',
      },
    })
    expect(error?.message).toContain('without encryptKey, encryptInfo, ncrptnSN')
  })

  it('refuse a contract on an app order before sending', () => {
    expect(() =>
      cmb(testConfig).codec.encode(
        {
          ...appCall,
          body: { ...appCall.body, contract: { delayTime: 1, timeUnit: 'day', benefitList: [] } },
        },
        now,
      ),
    ).toThrow(/QR order/)
  })
})

import type { EcnyError } from '@ecny/sdk-core'
import { describe, expect, it } from 'vitest'
import {
  cmb,
  cmbApiSign,
  cmbSignString,
  readReceivedFields,
  sm2Decrypt,
  sm2Verify,
  sm4DecryptCbc,
} from '../../src/index.js'
import { gatewayPrivateKey, merchantPublicKey, testConfig } from './cmbTestKeys.js'

const operator = cmb(testConfig)
const now = Date.UTC(2025, 0, 1, 4, 0, 0) // 12:00 in Beijing
const order = { merchantOrderNo: 'A-1001', amount: 1250, description: 'Latte' }
const encode = (method: string, path: string, body?: unknown, query?: Record<string, string>) =>
  operator.codec.encode({ method, path, body, query }, now)
const bizOf = (body: string) => JSON.parse(JSON.parse(body).biz_content) as Record<string, unknown>
const thrown = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    return error as EcnyError
  }
  throw new Error('did not throw')
}

describe('encoding reference calls as CMB requests', () => {
  it('a QR order: ecny/unifiedOrder, signed envelope, apisign header over the sign', () => {
    const request = encode('POST', '/v1/orders', {
      ...order,
      mode: 'qr',
      notifyUrl: 'https://shop.example/n',
    })
    expect(request.method).toBe('POST')
    expect(request.url).toBe('https://api.cmburl.cn:8065/polypay/v1.0/mchorders/ecny/unifiedOrder')
    const envelope = JSON.parse(request.body)
    expect(envelope).toMatchObject({ version: '0.0.1', encoding: 'UTF-8', signMethod: '02' })
    expect(bizOf(request.body)).toMatchObject({
      merId: testConfig.merId,
      userId: testConfig.userId,
      orderId: 'A-1001',
      txnAmt: '1250',
      transactionType: 'TT01',
      goodsName: 'Latte',
      notifyUrl: 'https://shop.example/n',
      orderTimeExpire: '2025-01-01T12:15:00',
    })
    const fields = readReceivedFields(request.body)
    expect(sm2Verify(cmbSignString(fields), envelope.sign, merchantPublicKey)).toBe(true)
    expect(request.headers).toMatchObject({
      appid: testConfig.appId,
      timestamp: String(now / 1000),
      apisign: cmbApiSign({
        appId: testConfig.appId,
        secret: testConfig.secret,
        sign: envelope.sign,
        timestamp: now / 1000,
      }),
    })
    expect(request.body).not.toContain(testConfig.secret)
  })

  it('a customer-code payment: pay, terminal info SM4-encrypted under a fresh key wrapped for CMB', () => {
    const request = encode('POST', '/v1/orders', {
      ...order,
      mode: 'payment_code',
      paymentCode: '0123456789012345678',
      terminalId: 'T0000001',
    })
    expect(request.url).toMatch(/\/mchorders\/pay$/)
    const envelope = JSON.parse(request.body)
    const biz = bizOf(request.body)
    expect(biz).toMatchObject({ authCode: '0123456789012345678', termId: 'T0000001' })
    const key = sm2Decrypt(envelope.encryptKey, gatewayPrivateKey)
    expect(key).toHaveLength(16)
    expect(JSON.parse(sm4DecryptCbc(String(biz.terminalInfo), key))).toEqual({
      device_type: '11',
      device_id: 'T0000001',
    })
    const again = JSON.parse(
      encode('POST', '/v1/orders', {
        ...order,
        mode: 'payment_code',
        paymentCode: '0123456789012345678',
        terminalId: 'T0000001',
      }).body,
    )
    expect(again.encryptKey).not.toBe(envelope.encryptKey)
  })

  it('termId longer than 8 characters is refused before sending', () => {
    const error = thrown(() =>
      encode('POST', '/v1/orders', {
        ...order,
        mode: 'payment_code',
        paymentCode: '0123456789012345678',
        terminalId: 'T00000001',
      }),
    )
    expect(error.code).toBe('invalid_request')
    expect(error.message).toContain('at most 8')
  })

  it('a sub-wallet payment goes to ecny/subwalletpay', () => {
    const request = encode('POST', '/v1/orders', { ...order, mode: 'sub_wallet', subWalletId: 'sw_1' })
    expect(request.url).toMatch(/ecny\/subwalletpay$/)
    expect(bizOf(request.body)).toMatchObject({ subWalletId: 'sw_1', txnAmt: '1250' })
  })

  it('a contract payment goes to ecny/contractUnifiedOrder with delayed clearing and the profit split', () => {
    const contract = {
      delayTime: 2,
      timeUnit: 'day',
      benefitList: [
        { benefitWalletId: 'W0000000000000A1', percent: 0.7 },
        { benefitWalletId: 'W0000000000000B2', percent: 0.3 },
      ],
    }
    const request = encode('POST', '/v1/orders', { ...order, mode: 'qr', contract })
    expect(request.url).toMatch(/ecny\/contractUnifiedOrder$/)
    expect(bizOf(request.body).contractReq).toMatchObject({
      goodsOrderId: 'A-1001',
      goodsOrderAmounts: '12.50',
      delayTime: 2,
      timeUnit: 'day',
      benefitList: [
        { benefitWalletId: 'W0000000000000A1', percent: '0.70' },
        { benefitWalletId: 'W0000000000000B2', percent: '0.30' },
      ],
    })
    const bad = thrown(() =>
      encode('POST', '/v1/orders', {
        ...order,
        mode: 'qr',
        contract: {
          ...contract,
          benefitList: [
            { benefitWalletId: 'W1', percent: 0.7 },
            { benefitWalletId: 'W2', percent: 0.2 },
          ],
        },
      }),
    )
    expect(bad.code).toBe('invalid_request')
    expect(bad.message).toContain('add up to 1')
  })

  it('query, close, reversal, refund, refund query and statement map to their endpoints', () => {
    const cases: Array<
      [string, string, unknown, Record<string, string> | undefined, string, Record<string, unknown>]
    > = [
      ['GET', '/v1/orders/A-1001', undefined, undefined, 'orderquery', { orderId: 'A-1001' }],
      ['GET', '/v1/orders', undefined, { merchantOrderNo: 'A-1001' }, 'orderquery', { orderId: 'A-1001' }],
      ['POST', '/v1/orders/A-1001/close', {}, undefined, 'close', { origOrderId: 'A-1001' }],
      ['POST', '/v1/orders/A-1001/cancel', {}, undefined, 'cancel', { origOrderId: 'A-1001' }],
      [
        'POST',
        '/v1/orders/A-1001/refunds',
        { merchantRefundNo: 'R-1', amount: 300, orderAmount: 1250 },
        undefined,
        'refund',
        { orderId: 'R-1', origOrderId: 'A-1001', txnAmt: '1250', refundAmt: '300' },
      ],
      ['GET', '/v1/refunds/R-1', undefined, undefined, 'refundquery', { orderId: 'R-1' }],
      ['GET', '/v1/statements/2025-01-01', undefined, undefined, 'statementurl', { billDate: '20250101' }],
    ]
    for (const [method, path, body, query, endpoint, biz] of cases) {
      const request = encode(method, path, body, query)
      expect(request.url).toBe(`https://api.cmburl.cn:8065/polypay/v1.0/mchorders/${endpoint}`)
      expect(bizOf(request.body)).toMatchObject({ merId: testConfig.merId, ...biz })
    }
  })

  it('a refund without the original order amount (CMB txnAmt) is refused before sending', () => {
    const error = thrown(() =>
      encode('POST', '/v1/orders/A-1001/refunds', { merchantRefundNo: 'R-1', amount: 300 }),
    )
    expect(error.code).toBe('invalid_request')
    expect(error.message).toContain('txnAmt')
  })

  it('an operation CMB does not offer is unsupported_by_operator, naming operator and operation', () => {
    const error = thrown(() => encode('POST', '/v1/merchants', {}))
    expect(error.code).toBe('unsupported_by_operator')
    expect(error.details).toMatchObject({ operator: 'cmb', operation: 'createMerchant' })
    expect(error.message).toContain('cmb')
    // A mode CMB has no endpoint for (app orders are §4.17's unifiedOrder: appHandoff.test.ts).
    expect(thrown(() => encode('POST', '/v1/orders', { ...order, mode: 'nfc' })).code).toBe(
      'unsupported_by_operator',
    )
  })
})

import { describe, expect, it } from 'vitest'
import { cmb, cmbResponseText, sm2PublicKeyFromPrivateKey } from '../../src/index.js'
import { gatewayPrivateKey, merchantPrivateKeyHex, testConfig } from './cmbTestKeys.js'

const operator = cmb(testConfig)
const now = Date.UTC(2025, 0, 1, 4, 0, 0)
const qrCall = {
  method: 'POST',
  path: '/v1/orders',
  body: { merchantOrderNo: 'A-1', amount: 1250, description: 'Latte', mode: 'qr' },
}
const ok = { returnCode: 'SUCCESS', respCode: 'SUCCESS' }
const qrBiz = {
  merId: testConfig.merId,
  orderId: 'A-1',
  cmbOrderId: '100425010112000001',
  txnAmt: '1250',
  txnTime: '20250101120000',
  qrCode: 'https://qr.cmbchina.com/ecny/100425010112000001',
}
const decode = (call: typeof qrCall | { method: string; path: string; body?: unknown }, body: string) =>
  operator.codec.decode(call, { status: 200, body }, now)
const signatureError = (call: Parameters<typeof decode>[0], body: string) => {
  try {
    decode(call, body)
  } catch (error) {
    return (error as { code: string }).code
  }
  return 'accepted'
}

describe('decoding CMB answers', () => {
  it('verifies over the received text (escaped slashes) and maps a new QR order', () => {
    const text = cmbResponseText(ok, qrBiz, gatewayPrivateKey)
    expect(text).toContain(String.raw`https:\/\/qr.cmbchina.com`)
    const decoded = decode(qrCall, text)
    expect(decoded).toEqual({
      ok: true,
      data: expect.objectContaining({
        id: 'A-1',
        merchantOrderNo: 'A-1',
        cmbOrderId: '100425010112000001',
        mode: 'qr',
        status: 'created',
        amount: 1250,
        description: 'Latte',
        qrPayload: 'https://qr.cmbchina.com/ecny/100425010112000001',
        createdAt: '2025-01-01T12:00:00+08:00',
      }),
    })
  })

  it('maps tradeState P/S/F/C/D/R to processing/succeeded/failed/closed/canceled/partially_refunded', () => {
    const query = { method: 'GET', path: '/v1/orders/A-1' }
    const states = {
      P: 'processing',
      S: 'succeeded',
      F: 'failed',
      C: 'closed',
      D: 'canceled',
      R: 'partially_refunded',
      X: 'unknown',
    }
    for (const [letter, status] of Object.entries(states)) {
      const decoded = decode(query, cmbResponseText(ok, { ...qrBiz, tradeState: letter }, gatewayPrivateKey))
      expect(decoded.ok && (decoded.data as { status: string }).status).toBe(status)
    }
  })

  it('a paid order (S) with a refunded amount is partially_refunded or refunded', () => {
    const query = { method: 'GET', path: '/v1/orders/A-1' }
    const statusFor = (extra: Record<string, string>) => {
      const decoded = decode(
        query,
        cmbResponseText(ok, { ...qrBiz, tradeState: 'S', ...extra }, gatewayPrivateKey),
      )
      return decoded.ok && (decoded.data as { status: string; refundedAmount: number })
    }
    expect(statusFor({ refundAmt: '300' })).toMatchObject({
      status: 'partially_refunded',
      refundedAmount: 300,
    })
    expect(statusFor({ refundAmt: '1250' })).toMatchObject({ status: 'refunded', refundedAmount: 1250 })
    expect(statusFor({ refundAmt: '0' })).toMatchObject({ status: 'succeeded', refundedAmount: 0 })
    expect(statusFor({})).toMatchObject({ status: 'succeeded', refundedAmount: 0 })
  })

  it('rejects a re-serialised body, a tampered field, the wrong key and a wrong user ID', () => {
    const text = cmbResponseText(ok, qrBiz, gatewayPrivateKey)
    expect(signatureError(qrCall, text)).toBe('accepted')
    expect(signatureError(qrCall, JSON.stringify(JSON.parse(text)))).toBe('signature_invalid')
    expect(signatureError(qrCall, text.replace('"1250', '"1350'))).toBe('signature_invalid')
    expect(signatureError(qrCall, cmbResponseText(ok, qrBiz, merchantPrivateKeyHex))).toBe(
      'signature_invalid',
    )
    expect(signatureError(qrCall, cmbResponseText(ok, qrBiz, gatewayPrivateKey, 'ALICE123@YAHOO.COM'))).toBe(
      'signature_invalid',
    )
    const otherUserId = cmb({ ...testConfig, sm2UserId: 'ALICE123@YAHOO.COM' })
    expect(() => otherUserId.codec.decode(qrCall, { status: 200, body: text }, now)).toThrow(
      /does not verify/,
    )
    const { sign: _sign, ...unsigned } = JSON.parse(text)
    expect(signatureError(qrCall, JSON.stringify(unsigned))).toBe('signature_invalid')
    expect(signatureError(qrCall, 'not json')).toBe('signature_invalid')
    expect(sm2PublicKeyFromPrivateKey(gatewayPrivateKey)).toBe(testConfig.gatewayPublicKey)
  })

  it('SYSTERM_ERROR: outcome unknown, retryable, may have acted for a payment', () => {
    const text = cmbResponseText(
      { returnCode: 'FAIL', errCode: 'SYSTERM_ERROR', respMsg: '系统错误' },
      undefined,
      gatewayPrivateKey,
    )
    const decoded = decode(qrCall, text)
    expect(decoded.ok).toBe(false)
    if (decoded.ok) return
    expect(decoded.maybeCommitted).toBe(true)
    expect(decoded.error).toMatchObject({
      code: 'gateway_error',
      retryable: true,
      details: { operatorCode: 'SYSTERM_ERROR' },
    })
    const query = decode({ method: 'GET', path: '/v1/orders/A-1' }, text)
    expect(!query.ok && query.maybeCommitted).toBe(false)
  })

  it('an unsigned HTTP refusal (4xx) is invalid_response, not retried; 5xx may have acted', () => {
    const refused = operator.codec.decode(qrCall, { status: 404, body: 'No CMB endpoint' }, now)
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'invalid_response',
      retryable: false,
      status: 404,
    })
    const broken = operator.codec.decode(qrCall, { status: 502, body: 'Bad gateway' }, now)
    expect(!broken.ok && broken).toMatchObject({
      maybeCommitted: true,
      error: { code: 'gateway_error', retryable: true },
    })
  })

  it('CMB error codes become our stable codes, keeping the operator code', () => {
    const refundCall = {
      method: 'POST',
      path: '/v1/orders/A-1/refunds',
      body: { merchantRefundNo: 'R-1', amount: 300, orderAmount: 1250 },
    }
    for (const errCode of ['MCH_FORWARD_AMOUNT_LESS', 'MCH_EXSRFN_AMOUNT_LESS']) {
      const text = cmbResponseText(
        { returnCode: 'SUCCESS', respCode: 'FAIL', errCode, respMsg: '当日入账金额不足' },
        undefined,
        gatewayPrivateKey,
      )
      const decoded = decode(refundCall, text)
      expect(!decoded.ok && decoded.error).toMatchObject({
        code: 'refund_funding_insufficient',
        retryable: true,
        details: { operator: 'cmb', operatorCode: errCode },
      })
    }
    const notFound = decode(
      qrCall,
      cmbResponseText(
        { returnCode: 'SUCCESS', respCode: 'FAIL', errCode: 'ORDER_NOT_EXIST' },
        undefined,
        gatewayPrivateKey,
      ),
    )
    expect(!notFound.ok && notFound.error.code).toBe('not_found')
    const odd = decode(
      qrCall,
      cmbResponseText(
        { returnCode: 'SUCCESS', respCode: 'FAIL', errCode: 'NEW_CODE' },
        undefined,
        gatewayPrivateKey,
      ),
    )
    expect(!odd.ok && odd.error).toMatchObject({
      code: 'conflict',
      retryable: false,
      details: { operatorCode: 'NEW_CODE' },
    })
  })

  it('maps a refund and the statement location', () => {
    const refundCall = {
      method: 'POST',
      path: '/v1/orders/A-1/refunds',
      body: { merchantRefundNo: 'R-1', amount: 300, orderAmount: 1250 },
    }
    const refund = decode(
      refundCall,
      cmbResponseText(
        ok,
        { merId: testConfig.merId, orderId: 'R-1', refundAmt: '300', refundState: 'S' },
        gatewayPrivateKey,
      ),
    )
    expect(refund.ok && refund.data).toMatchObject({
      id: 'R-1',
      orderId: 'A-1',
      merchantRefundNo: 'R-1',
      amount: 300,
      status: 'succeeded',
    })
    const statement = decode(
      { method: 'GET', path: '/v1/statements/2025-01-01' },
      cmbResponseText(
        ok,
        { merId: testConfig.merId, fileUrl: 'https://files.cmbchina.com/bill/20250101.zip' },
        gatewayPrivateKey,
      ),
    )
    expect(statement.ok && statement.data).toEqual({
      date: '2025-01-01',
      merchantId: testConfig.merId,
      url: 'https://files.cmbchina.com/bill/20250101.zip',
    })
  })
})

import { cmbApiSign, readReceivedFields, signCmbEnvelope } from '@ecny/operator-cmb'
import type { Order, Refund } from '@ecny/protocol'
import { describe, expect, it } from 'vitest'
import { notificationRetrySchedule } from '../../src/notifications/retrySchedule.js'
import { baseUrl, cmbHarness } from './cmbHarness.js'

const qr = (merchantOrderNo: string, extra: Record<string, unknown> = {}) => ({
  method: 'POST',
  path: '/v1/orders',
  body: {
    merchantOrderNo,
    amount: 1250,
    description: 'Latte',
    mode: 'qr',
    notifyUrl: 'https://shop.test/cmb',
    ...extra,
  },
})
const refundOf = (orderId: string, merchantRefundNo: string, amount: number, orderAmount = 1250) => ({
  method: 'POST',
  path: `/v1/orders/${orderId}/refunds`,
  body: { merchantRefundNo, amount, orderAmount },
})
const codeOf = async (h: ReturnType<typeof cmbHarness>, reference: Parameters<typeof h.call>[0]) => {
  const decoded = await h.call(reference)
  return decoded.ok ? 'ok' : decoded.error.code
}

describe('the CMB door over the rails engine', () => {
  it('QR order → paid in the wallet → notification verified and acked once → partial refund → statement', async () => {
    const received: string[] = []
    let h!: ReturnType<typeof cmbHarness>
    const notifyFetch = (async (_url: string, init: RequestInit) => {
      const { event } = h.operator.parseNotification(String(init.body))
      const data = event.data as { merchantOrderNo?: string; merchantRefundNo?: string }
      received.push(`${event.type} ${data.merchantRefundNo ?? data.merchantOrderNo}`)
      const ack = h.operator.ack()
      return new Response(ack.body, { status: ack.status, headers: ack.headers })
    }) as typeof fetch
    h = cmbHarness({ notifyFetch })
    const created = await h.ok<Order & { cmbOrderId: string }>(qr('A-1001'))
    expect(created).toMatchObject({ id: 'A-1001', status: 'created', amount: 1250, mode: 'qr' })
    expect(created.qrPayload).toMatch(/^ecny:\/\/pay\?o=/)

    h.rails.engine.payOrder(created.cmbOrderId, { walletId: h.wallet.id })
    const paid = await h.ok<Order>({ method: 'GET', path: '/v1/orders/A-1001' })
    expect(paid).toMatchObject({ status: 'succeeded', paidAmount: 1250 })

    expect(await h.door.notifications.deliverDue()).toEqual({ attempted: 1, delivered: 1 })
    expect(await h.door.notifications.deliverDue()).toEqual({ attempted: 0, delivered: 0 })
    expect(received).toEqual(['order.succeeded A-1001'])

    const refund = await h.ok<Refund>(refundOf('A-1001', 'R-1001-1', 300))
    expect(refund).toMatchObject({ id: 'R-1001-1', orderId: 'A-1001', amount: 300, status: 'succeeded' })
    expect(await h.ok<Refund>({ method: 'GET', path: '/v1/refunds/R-1001-1' })).toMatchObject({
      status: 'succeeded',
      amount: 300,
    })
    expect(
      await h.ok<Order>({ method: 'GET', path: '/v1/orders', query: { merchantOrderNo: 'A-1001' } }),
    ).toMatchObject({
      refundedAmount: 300,
    })
    await h.door.notifications.deliverDue()
    expect(received).toEqual(['order.succeeded A-1001', 'refund.succeeded R-1001-1'])

    const statement = await h.ok<{ url: string }>({ method: 'GET', path: '/v1/statements/2025-03-10' })
    expect(statement.url.startsWith(`${baseUrl}/polypay/v1.0/mchorders/statementfile?token=`)).toBe(true)
    const csv = await (await h.door.handle(new Request(statement.url))).text()
    expect(csv).toContain('A-1001')
    expect(csv).toContain('R-1001-1')
  })

  it('notifications are retried on the real schedule until the ack is correctly signed', async () => {
    let signedAck = false
    let h!: ReturnType<typeof cmbHarness>
    const notifyFetch = (async () => {
      if (signedAck) {
        const ack = h.operator.ack()
        return new Response(ack.body, { status: 200 })
      }
      // SUCCESS, but unsigned: CMB counts it as failed.
      return new Response(JSON.stringify({ returnCode: 'SUCCESS', respCode: 'SUCCESS' }), { status: 200 })
    }) as unknown as typeof fetch
    h = cmbHarness({ notifyFetch })
    const created = await h.ok<Order & { cmbOrderId: string }>(qr('A-2001'))
    h.rails.engine.payOrder(created.cmbOrderId, { walletId: h.wallet.id })
    expect(await h.door.notifications.deliverDue()).toEqual({ attempted: 1, delivered: 0 })
    for (const seconds of notificationRetrySchedule.slice(1, 4)) {
      h.rails.clock.advance((seconds - 1) * 1000)
      expect((await h.door.notifications.deliverDue()).attempted).toBe(0)
      h.rails.clock.advance(1000)
      expect(await h.door.notifications.deliverDue()).toEqual({ attempted: 1, delivered: 0 })
    }
    signedAck = true
    h.rails.clock.advance(notificationRetrySchedule[4] * 1000)
    expect(await h.door.notifications.deliverDue()).toEqual({ attempted: 1, delivered: 1 })
    const [record] = h.door.notifications.list()
    expect(record).toMatchObject({ status: 'delivered' })
    expect(record!.attempts).toHaveLength(5)
    expect(record!.body).toContain('tradeState=S')
    expect(record!.body).not.toContain('biz_content=')
  })

  it('customer-code payment and its reversal; no reversal for a QR order nor after a refund', async () => {
    const h = cmbHarness()
    const pay = (merchantOrderNo: string, terminalId = 'T0000001') => ({
      method: 'POST',
      path: '/v1/orders',
      body: {
        merchantOrderNo,
        amount: 800,
        description: 'Bread',
        mode: 'payment_code',
        paymentCode: h.rails.engine.createPaymentCode(h.wallet.id).code,
        terminalId,
      },
    })
    expect(await h.ok<Order>(pay('P-1'))).toMatchObject({ status: 'succeeded', amount: 800 })
    expect(await h.ok<Order>({ method: 'POST', path: '/v1/orders/P-1/cancel', body: {} })).toMatchObject({
      status: 'canceled',
    })

    const created = await h.ok<Order & { cmbOrderId: string }>(qr('A-3001'))
    h.rails.engine.payOrder(created.cmbOrderId, { walletId: h.wallet.id })
    const refusal = await h.call({ method: 'POST', path: '/v1/orders/A-3001/cancel', body: {} })
    expect(!refusal.ok && refusal.error).toMatchObject({
      code: 'invalid_state',
      details: { operatorCode: 'CANCEL_NOT_ALLOWED' },
    })

    await h.ok(pay('P-2'))
    await h.ok(refundOf('P-2', 'R-P-2', 100, 800))
    expect(await codeOf(h, { method: 'POST', path: '/v1/orders/P-2/cancel', body: {} })).toBe('invalid_state')
  })

  it('a paid order cannot be closed; an unpaid one can', async () => {
    const h = cmbHarness()
    await h.ok(qr('A-4001'))
    expect(await h.ok<Order>({ method: 'POST', path: '/v1/orders/A-4001/close', body: {} })).toMatchObject({
      status: 'closed',
    })
    const paid = await h.ok<Order & { cmbOrderId: string }>(qr('A-4002'))
    h.rails.engine.payOrder(paid.cmbOrderId, { walletId: h.wallet.id })
    const refusal = await h.call({ method: 'POST', path: '/v1/orders/A-4002/close', body: {} })
    expect(!refusal.ok && refusal.error).toMatchObject({
      code: 'invalid_state',
      details: { operatorCode: 'ORDER_PAID' },
    })
  })

  it('a sub-wallet payment, and a contract payment whose profit split clears after the delay', async () => {
    const h = cmbHarness()
    const sub = h.rails.engine.createSubWallet(h.wallet.id, {
      merchantId: h.credentials.merchantId,
      caps: { single: 20_000, daily: 50_000 },
    })
    const subOrder = await h.ok<Order>({
      method: 'POST',
      path: '/v1/orders',
      body: {
        merchantOrderNo: 'S-1',
        amount: 500,
        description: 'Metro',
        mode: 'sub_wallet',
        subWalletId: sub.id,
      },
    })
    expect(subOrder).toMatchObject({ status: 'succeeded', amount: 500 })

    const a = h.rails.engine.openWallet({ level: 'WL04', mobile: '13800138001' })
    const b = h.rails.engine.openWallet({ level: 'WL04', mobile: '13800138002' })
    const contract = {
      delayTime: 1,
      timeUnit: 'day',
      benefitList: [
        { benefitWalletId: a.id, percent: 0.6 },
        { benefitWalletId: b.id, percent: 0.4 },
      ],
    }
    const created = await h.ok<Order & { cmbOrderId: string; contract: Record<string, unknown> }>(
      qr('C-1', { contract }),
    )
    expect(created.contract).toMatchObject({ delayTime: 1, timeUnit: 'day', contractAmounts: '12.50' })
    h.rails.engine.payOrder(created.cmbOrderId, { walletId: h.wallet.id })
    expect(
      await h.ok<Order & { contract: unknown }>({ method: 'GET', path: '/v1/orders/C-1' }),
    ).toMatchObject({
      status: 'succeeded',
      contract: { benefitList: [{ percent: '0.60' }, { percent: '0.40' }] },
    })
    // Delayed clearing: nothing moves before a day has passed, then the split is paid out once.
    h.rails.clock.advance(86_400_000 - 60_000)
    expect(h.door.settleContracts()).toBe(0)
    h.rails.clock.advance(60_000)
    expect(h.door.settleContracts()).toBe(1)
    expect(h.door.settleContracts()).toBe(0)
    expect(h.rails.engine.getBalance(a.id)).toMatchObject({ available: 750 })
    expect(h.rails.engine.getBalance(b.id)).toMatchObject({ available: 500 })
    expect(h.rails.ledger.verify()).toMatchObject({ ok: true, total: 0 })
  })

  it('refunds refused as unfunded by same-day incoming, retryable; accepted once funded', async () => {
    const h = cmbHarness()
    const created = await h.ok<Order & { cmbOrderId: string }>(qr('A-5001'))
    h.rails.engine.payOrder(created.cmbOrderId, { walletId: h.wallet.id })
    h.door.settings.refundFunding = 'MCH_FORWARD_AMOUNT_LESS'
    const refused = await h.call(refundOf('A-5001', 'R-5001', 200))
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'refund_funding_insufficient',
      retryable: true,
      details: { operatorCode: 'MCH_FORWARD_AMOUNT_LESS' },
    })
    h.door.settings.refundFunding = undefined
    expect(await h.ok<Refund>(refundOf('A-5001', 'R-5001', 200))).toMatchObject({ status: 'succeeded' })
  })

  it('refuses a wrong apisign, a wrong signature, a termId over 8 characters, another merchant number', async () => {
    const h = cmbHarness()
    const request = h.operator.codec.encode(qr('A-6001'), h.rails.clock.now())
    const answer = async (init: { headers: Record<string, string>; body: string }) =>
      readReceivedFields(
        await (await h.door.handle(new Request(request.url, { method: 'POST', ...init }))).text(),
      )
    expect(
      await answer({ headers: { ...request.headers, apisign: '0'.repeat(32) }, body: request.body }),
    ).toMatchObject({
      returnCode: 'FAIL',
      errCode: 'APISIGN_ERROR',
    })
    const tampered = request.body.replace('1250', '1')
    const envelope = JSON.parse(tampered)
    const headers = {
      ...request.headers,
      apisign: cmbApiSign({
        appId: h.credentials.appId,
        secret: h.credentials.secret,
        sign: envelope.sign,
        timestamp: request.headers.timestamp!,
      }),
    }
    expect(await answer({ headers, body: tampered })).toMatchObject({
      returnCode: 'FAIL',
      errCode: 'SIGN_ERROR',
    })

    const signedBy = (biz: Record<string, unknown>) => {
      const body = signCmbEnvelope(biz, h.credentials.privateKey, '1234567812345678')
      const timestamp = request.headers.timestamp!
      return {
        body: JSON.stringify(body),
        headers: {
          ...request.headers,
          apisign: cmbApiSign({
            appId: h.credentials.appId,
            secret: h.credentials.secret,
            sign: body.sign!,
            timestamp,
          }),
        },
      }
    }
    const payUrl = request.url.replace('ecny/unifiedOrder', 'pay')
    const longTerm = signedBy({
      merId: h.credentials.merId,
      orderId: 'P-9',
      txnAmt: '100',
      authCode: '01234',
      termId: 'T00000001',
    })
    const refusal = readReceivedFields(
      await (await h.door.handle(new Request(payUrl, { method: 'POST', ...longTerm }))).text(),
    )
    expect(refusal).toMatchObject({ respCode: 'FAIL', errCode: 'PARAM_ERROR' })
    expect(await answer(signedBy({ merId: 'someone-else', orderId: 'A-6002', txnAmt: '100' }))).toMatchObject(
      {
        errCode: 'MER_NOT_EXIST',
      },
    )
  })

  it('answers with escaped slashes, so re-serialising the JSON breaks the signature', async () => {
    const h = cmbHarness()
    const sent = await h.send(qr('A-7001'))
    if (sent.dropped) throw new Error('dropped')
    expect(sent.text).toContain(String.raw`ecny:\/\/pay`)
    const reserialised = JSON.stringify(JSON.parse(sent.text))
    expect(() =>
      h.operator.codec.decode(qr('A-7001'), { status: 200, body: reserialised }, h.rails.clock.now()),
    ).toThrow(/does not verify/)
  })

  it('injects the rails faults: a dropped answer after the order was made, found again by querying', async () => {
    const h = cmbHarness()
    h.rails.faults.set({
      routes: { 'POST /polypay/v1.0/mchorders/ecny/unifiedOrder': { dropEveryAnswer: 1 } },
    })
    expect((await h.send(qr('A-8001'))).dropped).toBe(true)
    expect((await h.send(qr('A-8001'))).dropped).toBe(true)
    expect(await h.ok<Order>({ method: 'GET', path: '/v1/orders/A-8001' })).toMatchObject({
      status: 'processing',
      amount: 1250,
    })
    h.rails.faults.set({ rate5xx: 1 })
    expect(await codeOf(h, { method: 'GET', path: '/v1/orders/A-8001' })).toBe('gateway_error')
  })
})

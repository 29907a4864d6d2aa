import { order as orderSchema, refund as refundSchema } from '@ecny/protocol'
import { errorOf, openWl04, testCard, testRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { RailsError } from '../src/support/railsError.js'

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (error) {
    if (error instanceof RailsError) return error.code
    throw error
  }
  return undefined
}

function setup() {
  const t = testRails()
  const wallet = openWl04(t.rails)
  t.engine.topUp(wallet.id, { amount: 500_000, bankCard: testCard })
  const qr = (no: string, amount = 10_000) =>
    t.engine.createOrder({
      merchantId: t.merchant.id,
      merchantOrderNo: no,
      amount,
      description: 'Lunch',
      mode: 'qr',
    })
  return { ...t, wallet, qr }
}

describe('orders', () => {
  it('qr order: created → succeeded, money moved, response matches the protocol schema', () => {
    const { engine, wallet, merchant, qr, rails } = setup()
    const created = qr('Q1')
    expect(created.status).toBe('created')
    expect(created.qrPayload).toBe(`ecny://pay?o=${created.id}`)
    const resolved = engine.resolveQr(created.qrPayload!)
    expect(resolved).toMatchObject({ orderId: created.id, amount: 10_000, merchantName: expect.any(String) })
    const paid = engine.payOrder(created.id, { walletId: wallet.id })
    expect(z.parse(orderSchema, paid)).toMatchObject({
      status: 'succeeded',
      paidAmount: 10_000,
      payerWalletId: wallet.id,
    })
    expect(engine.getBalance(wallet.id).available).toBe(490_000)
    expect(engine.getBalance(engine.getMerchant(merchant.id).settlementWalletId!).available).toBe(10_000)
    expect(rails.ledger.verify()).toMatchObject({ ok: true, total: 0 })
  })

  it('paying twice, closing a paid order, canceling an unpaid one are refused', () => {
    const { engine, wallet, qr } = setup()
    const o = qr('Q2')
    engine.payOrder(o.id, { walletId: wallet.id })
    expect(codeOf(() => engine.payOrder(o.id, { walletId: wallet.id }))).toBe('order_not_payable')
    expect(codeOf(() => engine.closeOrder(o.id))).toBe('invalid_state')
    const unpaid = qr('Q3')
    expect(codeOf(() => engine.cancelOrder(unpaid.id))).toBe('invalid_state')
    expect(engine.closeOrder(unpaid.id).status).toBe('closed')
    expect(codeOf(() => engine.payOrder(unpaid.id, { walletId: wallet.id }))).toBe('order_not_payable')
  })

  it('expires by the rails clock to closed with order_expired, and queues order.closed', () => {
    const { engine, wallet, qr, rails } = setup()
    const o = engine.createOrder({
      merchantId: rails.merchants.list()[0]!.id,
      merchantOrderNo: 'E1',
      amount: 100,
      description: 'x',
      mode: 'qr',
      expiresInSeconds: 60,
    })
    qr('E2') // default 900 s: stays open
    rails.clock.advance(59_999)
    expect(engine.getOrder(o.id).status).toBe('created')
    rails.clock.advance(1)
    const closed = engine.getOrder(o.id)
    expect(closed).toMatchObject({ status: 'closed', failureCode: 'order_expired' })
    expect(codeOf(() => engine.payOrder(o.id, { walletId: wallet.id }))).toBe('order_expired')
    expect(rails.notifications.list().map((n) => [n.type, n.data.id])).toContainEqual(['order.closed', o.id])
  })

  it('a failed payment leaves a qr order payable', () => {
    const { engine, qr, rails } = setup()
    const poor = openWl04(rails, '13900139000')
    const o = qr('F1')
    expect(codeOf(() => engine.payOrder(o.id, { walletId: poor.id }))).toBe('insufficient_funds')
    expect(engine.getOrder(o.id).status).toBe('created')
  })

  it('merchantOrderNo: same details return the same order, different details are a 409', () => {
    const { qr } = setup()
    const first = qr('D1')
    expect(qr('D1').id).toBe(first.id)
    expect(codeOf(() => qr('D1', 999))).toBe('duplicate_merchant_order_no')
  })

  it('validates the description and mode requirements', () => {
    const { engine, merchant } = setup()
    const base = { merchantId: merchant.id, merchantOrderNo: 'V1', amount: 1, mode: 'qr' as const }
    expect(codeOf(() => engine.createOrder({ ...base, description: 'a/b' }))).toBe('invalid_request')
    expect(codeOf(() => engine.createOrder({ ...base, description: 'x'.repeat(41) }))).toBe('invalid_request')
    expect(codeOf(() => engine.createOrder({ ...base, description: 'x'.repeat(40) }))).toBeUndefined()
    const error = errorOf(() =>
      engine.createOrder({ ...base, merchantOrderNo: 'V2', description: 'ok', mode: 'payment_code' }),
    )
    expect(error.details.issues).toEqual([
      { path: 'paymentCode', message: 'required when mode is payment_code' },
    ])
  })

  it('unapproved merchants cannot take orders', () => {
    const { rails, engine } = setup()
    const m = rails.seedMerchant()
    rails.merchants.put({ ...rails.merchants.get(m.id)!, status: 'submitted' })
    expect(
      codeOf(() =>
        engine.createOrder({
          merchantId: m.id,
          merchantOrderNo: 'X',
          amount: 1,
          description: 'x',
          mode: 'qr',
        }),
      ),
    ).toBe('merchant_not_approved')
  })

  it('reversal: only a customer-presented-code payment with no refunds; a paid order is never closed', () => {
    const { engine, wallet, merchant, qr, rails } = setup()
    const scanned = (no: string) =>
      engine.createOrder({
        merchantId: merchant.id,
        merchantOrderNo: no,
        amount: 10_000,
        description: 'Lunch',
        mode: 'payment_code',
        paymentCode: engine.createPaymentCode(wallet.id).code,
      })
    const o = scanned('C1')
    expect(o.status).toBe('succeeded')
    expect(engine.cancelOrder(o.id).status).toBe('canceled')
    expect(engine.getBalance(wallet.id).available).toBe(500_000)
    const p = scanned('C2')
    engine.createRefund(p.id, { merchantRefundNo: 'R1', amount: 1 })
    expect(errorOf(() => engine.cancelOrder(p.id))).toMatchObject({
      code: 'invalid_state',
      message: expect.stringContaining('Refund the rest instead'),
      details: { allowed: ['refund'] },
    })
    const q = qr('C3')
    engine.payOrder(q.id, { walletId: wallet.id })
    expect(errorOf(() => engine.cancelOrder(q.id))).toMatchObject({
      code: 'invalid_state',
      message: expect.stringContaining(
        'only a customer-presented-code (payment_code) payment can be reversed',
      ),
      details: { mode: 'qr', allowed: ['refund'] },
    })
    expect(errorOf(() => engine.closeOrder(q.id))).toMatchObject({
      code: 'invalid_state',
      message: expect.stringContaining('a paid order cannot be closed. Refund it (createRefund).'),
    })
    const r = scanned('C4')
    expect(errorOf(() => engine.closeOrder(r.id))).toMatchObject({
      details: { allowed: ['refund', 'cancel'] },
    })
    expect(engine.getOrder(q.id).status).toBe('succeeded')
    expect(rails.ledger.verify().ok).toBe(true)
  })
})

describe('payment codes', () => {
  it('19 digits starting 01, single use, 60 s, replaced by a newer code', () => {
    const { engine, wallet, merchant, rails } = setup()
    const pay = (no: string, code: string) =>
      engine.createOrder({
        merchantId: merchant.id,
        merchantOrderNo: no,
        amount: 100,
        description: 'x',
        mode: 'payment_code',
        paymentCode: code,
      })
    const first = engine.createPaymentCode(wallet.id)
    expect(first.code).toMatch(/^01\d{17}$/)
    expect(pay('P1', first.code)).toMatchObject({ status: 'succeeded', payerWalletId: wallet.id })
    expect(pay('P2', first.code)).toMatchObject({ status: 'failed', failureCode: 'payment_code_used' })
    const old = engine.createPaymentCode(wallet.id)
    const fresh = engine.createPaymentCode(wallet.id)
    expect(pay('P3', old.code)).toMatchObject({ status: 'failed', failureCode: 'payment_code_expired' })
    rails.clock.advance(60_000)
    expect(pay('P4', fresh.code)).toMatchObject({ status: 'failed', failureCode: 'payment_code_expired' })
    const last = engine.createPaymentCode(wallet.id)
    rails.clock.advance(59_999)
    expect(pay('P5', last.code).status).toBe('succeeded')
    expect(rails.notifications.list().filter((n) => n.type === 'order.failed')).toHaveLength(3)
  })
})

describe('refunds', () => {
  it('several refunds up to the paid amount; idempotent by merchantRefundNo; statuses follow', () => {
    const { engine, wallet, qr, rails } = setup()
    const o = qr('R1', 10_000)
    engine.payOrder(o.id, { walletId: wallet.id })
    const r1 = engine.createRefund(o.id, { merchantRefundNo: 'RF1', amount: 4_000, reason: 'broken' })
    expect(z.parse(refundSchema, r1).status).toBe('succeeded')
    expect(engine.getOrder(o.id)).toMatchObject({ status: 'partially_refunded', refundedAmount: 4_000 })
    expect(engine.createRefund(o.id, { merchantRefundNo: 'RF1', amount: 4_000 }).id).toBe(r1.id)
    expect(codeOf(() => engine.createRefund(o.id, { merchantRefundNo: 'RF1', amount: 5 }))).toBe('conflict')
    expect(codeOf(() => engine.createRefund(o.id, { merchantRefundNo: 'RF2', amount: 6_001 }))).toBe(
      'refund_exceeds_paid',
    )
    engine.createRefund(o.id, { merchantRefundNo: 'RF3', amount: 6_000 })
    expect(engine.getOrder(o.id)).toMatchObject({ status: 'refunded', refundedAmount: 10_000 })
    expect(codeOf(() => engine.createRefund(o.id, { merchantRefundNo: 'RF4', amount: 1 }))).toBe(
      'invalid_state',
    )
    expect(engine.getBalance(wallet.id).available).toBe(500_000)
    expect(engine.listRefunds(o.id).data).toHaveLength(2)
    expect(rails.notifications.list().filter((n) => n.type === 'refund.succeeded')).toHaveLength(2)
  })

  it('refunds bypass the payer balance cap', () => {
    const { engine, merchant, rails } = setup()
    const payer = openWl04(rails, '13700137000')
    engine.topUp(payer.id, { amount: 1_000_000, bankCard: testCard })
    const o = engine.createOrder({
      merchantId: merchant.id,
      merchantOrderNo: 'BC',
      amount: 200_000,
      description: 'x',
      mode: 'qr',
    })
    engine.payOrder(o.id, { walletId: payer.id })
    engine.topUp(payer.id, { amount: 200_000, bankCard: testCard })
    expect(engine.getBalance(payer.id).available).toBe(1_000_000)
    expect(engine.createRefund(o.id, { merchantRefundNo: 'X', amount: 200_000 }).status).toBe('succeeded')
    expect(engine.getBalance(payer.id).available).toBe(1_200_000)
  })

  it('a refund the merchant cannot fund is recorded failed', () => {
    const { engine, wallet, qr, merchant } = setup()
    const o = qr('RF', 1_000)
    engine.payOrder(o.id, { walletId: wallet.id })
    engine.redeem(merchant.settlementWalletId!, { amount: 1_000 })
    const refund = engine.createRefund(o.id, { merchantRefundNo: 'NOFUNDS', amount: 500 })
    expect(refund).toMatchObject({ status: 'failed', failureCode: 'insufficient_funds' })
    expect(engine.getOrder(o.id).status).toBe('succeeded')
  })
})

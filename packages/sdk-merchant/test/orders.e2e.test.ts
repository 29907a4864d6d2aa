import { EcnyError } from '@ecny/sdk-core'
import { useMerchantRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import { createOrder, renderQrPng, renderQrSvg, resolveUnknownOutcome } from '../src/index.js'

const h = useMerchantRails()

describe('orders end to end (msw → rails)', () => {
  it('creates a qr order, the payer pays it, waitForFinal sees it succeed', async () => {
    const order = await h.client.orders.create({
      mode: 'qr',
      merchantOrderNo: 'Q-1',
      amount: 1_250,
      description: 'Latte',
    })
    expect(order.status).toBe('created')
    expect(order.qrPayload).toMatch(/^ecny:\/\/pay\?o=/)
    const svg = await renderQrSvg(order.qrPayload!)
    expect(svg).toContain('<svg')
    const png = await renderQrPng(order.qrPayload!)
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG')
    const payer = h.fundedWallet(5_000)
    h.rails.engine.payOrder(order.id, { walletId: payer })
    const final = await h.client.orders.waitForFinal({
      orderId: order.id,
      pollIntervalMs: 1,
      maxPollIntervalMs: 5,
    })
    expect(final).toMatchObject({ status: 'succeeded', paidAmount: 1_250, payerWalletId: payer })
    expect(h.balanceOf(payer)).toBe(3_750)
    expect(await h.client.orders.getByMerchantOrderNo({ merchantOrderNo: 'Q-1' })).toMatchObject({
      id: order.id,
    })
  })

  it('charges a scanned payment code at once', async () => {
    const payer = h.fundedWallet(2_000)
    const code = h.rails.engine.createPaymentCode(payer).code
    const order = await h.client.orders.create({
      mode: 'payment_code',
      merchantOrderNo: 'P-1',
      amount: 800,
      description: 'Sandwich',
      paymentCode: code,
      terminalId: 'POS-01',
    })
    expect(order).toMatchObject({ status: 'succeeded', paidAmount: 800, terminalId: 'POS-01' })
    const reused = await h.client.orders.create({
      mode: 'payment_code',
      merchantOrderNo: 'P-2',
      amount: 100,
      description: 'Tea',
      paymentCode: code,
    })
    expect(reused).toMatchObject({ status: 'failed', failureCode: 'payment_code_used' })
  })

  it('charges a pushed sub-wallet without a password', async () => {
    const payer = h.fundedWallet(5_000)
    const sub = h.rails.engine.createSubWallet(payer, {
      merchantId: h.merchantId,
      caps: { single: 2_000, daily: 5_000 },
    })
    const order = await h.client.orders.create({
      mode: 'sub_wallet',
      merchantOrderNo: 'S-1',
      amount: 1_500,
      description: 'Ride',
      subWalletId: sub.id,
    })
    expect(order).toMatchObject({ status: 'succeeded', paidAmount: 1_500 })
  })

  it('creates an in-app order that waits for the wallet app (sealed by createAppHandoff)', async () => {
    const order = await h.client.orders.create({
      mode: 'app',
      merchantOrderNo: 'A-1',
      amount: 300,
      description: 'Coins',
    })
    expect(order).toMatchObject({ mode: 'app', status: 'created', qrPayload: null })
  })

  it('closes an unpaid order; reverses only a scanned payment code; a paid qr order is refunded, never closed or reversed', async () => {
    const open = await h.client.orders.create({
      mode: 'qr',
      merchantOrderNo: 'C-1',
      amount: 100,
      description: 'Tea',
    })
    expect((await h.client.orders.close({ orderId: open.id })).status).toBe('closed')
    expect((await h.client.orders.close({ orderId: open.id })).status).toBe('closed')
    const payer = h.fundedWallet(1_000)
    const paid = await h.client.orders.create({
      mode: 'qr',
      merchantOrderNo: 'C-2',
      amount: 400,
      description: 'Tea',
    })
    h.rails.engine.payOrder(paid.id, { walletId: payer })
    await expect(h.client.orders.cancel({ orderId: paid.id })).rejects.toMatchObject({
      name: 'ConflictError',
      code: 'invalid_state',
      message: expect.stringContaining(
        'only a customer-presented-code (payment_code) payment can be reversed',
      ),
      details: expect.objectContaining({ mode: 'qr', allowed: ['refund'] }),
    })
    await expect(h.client.orders.close({ orderId: paid.id })).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringContaining('a paid order cannot be closed. Refund it (createRefund)'),
    })
    expect(h.balanceOf(payer)).toBe(600)
    const scan = (merchantOrderNo: string) =>
      h.client.orders.create({
        mode: 'payment_code',
        merchantOrderNo,
        amount: 200,
        description: 'Tea',
        paymentCode: h.rails.engine.createPaymentCode(payer).code,
      })
    const scanned = await scan('C-3')
    expect((await h.client.orders.cancel({ orderId: scanned.id })).status).toBe('canceled')
    expect(h.balanceOf(payer)).toBe(600)
    const refundedFirst = await scan('C-4')
    await h.client.refunds.create({ orderId: refundedFirst.id, merchantRefundNo: 'C-4-r', amount: 50 })
    await expect(h.client.orders.cancel({ orderId: refundedFirst.id })).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringContaining(
        'has refunds (50 fen), so it cannot be reversed. Refund the rest instead',
      ),
    })
  })

  it.each([
    [{ description: 'a'.repeat(41) }, 'description'],
    [{ description: 'Tea/Coffee' }, 'description'],
    [{ description: 'a=b' }, 'description'],
    [{ terminalId: '收银台1' }, 'terminalId'],
    [{ terminalId: 'T'.repeat(33) }, 'terminalId'],
    [{ amount: 0 }, 'amount'],
    [{ amount: 12.5 }, 'amount'],
    [{ amount: '12.50' }, 'amount'],
    [{ merchantOrderNo: 'has space' }, 'merchantOrderNo'],
  ])('refuses %o locally (%s) without sending anything', async (override, field) => {
    const before = h.rails.snapshot().state
    const error = await h.client.orders
      .create({ mode: 'qr', merchantOrderNo: 'V-1', amount: 100, description: 'Tea', ...override } as never)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EcnyError)
    expect(error).toMatchObject({ code: 'invalid_request' })
    expect((error as EcnyError).details.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: field })]),
    )
    expect(h.rails.snapshot().state).toEqual(before)
  })

  it('creating again with the same number and details returns the same order; other details conflict', async () => {
    const params = { mode: 'qr' as const, merchantOrderNo: 'D-1', amount: 100, description: 'Tea' }
    const first = await h.client.orders.create(params)
    expect((await h.client.orders.create(params)).id).toBe(first.id)
    await expect(h.client.orders.create({ ...params, amount: 200 })).rejects.toMatchObject({
      code: 'duplicate_merchant_order_no',
      details: expect.objectContaining({ orderId: first.id }),
    })
  })

  it('requires the mode-specific field', async () => {
    await expect(
      h.client.orders.create({
        mode: 'payment_code',
        merchantOrderNo: 'V-2',
        amount: 100,
        description: 'Tea',
      } as never),
    ).rejects.toMatchObject({ code: 'invalid_request' })
  })

  it('resolves an unknown outcome (drop after commit) without a duplicate order', async () => {
    h.rails.faults.set({ routes: { 'POST /v1/orders': { dropAfterCommit: 1 } } })
    const client = h.clientWith({ maxRetries: 0 })
    const error = await createOrder(client, {
      mode: 'qr',
      merchantOrderNo: 'U-1',
      amount: 990,
      description: 'Book',
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'result_unknown',
      details: expect.objectContaining({ merchantOrderNo: 'U-1' }),
    })
    h.rails.faults.set({})
    const settled = await resolveUnknownOutcome(client, { merchantOrderNo: 'U-1', closeIfUnpaid: true })
    expect(settled.outcome).toBe('closed')
    expect(settled.order?.status).toBe('closed')
    const orders = [...(h.rails.snapshot().state as { orders: { $map: unknown[] } }).orders.$map]
    expect(orders).toHaveLength(1)
  })

  it('resolveUnknownOutcome says not_found when the order was never created, then the same number works', async () => {
    const settled = await h.client.orders.resolveUnknownOutcome({ merchantOrderNo: 'U-2' })
    expect(settled).toEqual({ outcome: 'not_found', merchantOrderNo: 'U-2', order: null })
    const order = await h.client.orders.create({
      mode: 'qr',
      merchantOrderNo: 'U-2',
      amount: 100,
      description: 'Tea',
    })
    expect(order.merchantOrderNo).toBe('U-2')
  })

  it('resolveUnknownOutcome waits for a paid order to be final', async () => {
    const payer = h.fundedWallet(1_000)
    const order = await h.client.orders.create({
      mode: 'qr',
      merchantOrderNo: 'U-3',
      amount: 100,
      description: 'Tea',
    })
    h.rails.engine.payOrder(order.id, { walletId: payer })
    const settled = await h.client.orders.resolveUnknownOutcome({
      merchantOrderNo: 'U-3',
      closeIfUnpaid: true,
    })
    expect(settled).toMatchObject({ outcome: 'final', order: { status: 'succeeded' } })
  })

  it('waitForFinal gives up with timeout and stops on abort', async () => {
    const order = await h.client.orders.create({
      mode: 'qr',
      merchantOrderNo: 'W-1',
      amount: 100,
      description: 'Tea',
    })
    await expect(
      h.client.orders.waitForFinal({
        orderId: order.id,
        timeoutMs: 20,
        pollIntervalMs: 5,
        maxPollIntervalMs: 5,
      }),
    ).rejects.toMatchObject({ code: 'timeout' })
    const controller = new AbortController()
    const waiting = h.client.orders.waitForFinal(
      { orderId: order.id, pollIntervalMs: 5 },
      { signal: controller.signal },
    )
    controller.abort()
    await expect(waiting).rejects.toMatchObject({ code: 'aborted' })
  })
})

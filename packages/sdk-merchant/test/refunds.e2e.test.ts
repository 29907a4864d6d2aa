import { useMerchantRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import { createRefund } from '../src/index.js'

const h = useMerchantRails()

async function paidOrder(amount: number, merchantOrderNo: string) {
  const payer = h.fundedWallet(10_000)
  const order = await h.client.orders.create({ mode: 'qr', merchantOrderNo, amount, description: 'Dinner' })
  h.rails.engine.payOrder(order.id, { walletId: payer })
  return { order, payer }
}

describe('refunds end to end', () => {
  it('makes several partial refunds, then refunds the rest, and refuses an over-refund', async () => {
    const { order, payer } = await paidOrder(1_000, 'R-1')
    const first = await h.client.refunds.create({
      orderId: order.id,
      merchantRefundNo: 'R-1-a',
      amount: 300,
      reason: 'cold soup',
    })
    expect(first).toMatchObject({ status: 'succeeded', amount: 300, benefitClawback: 0 })
    await h.client.refunds.create({ orderId: order.id, merchantRefundNo: 'R-1-b', amount: 200 })
    expect((await h.client.orders.get({ orderId: order.id })).status).toBe('partially_refunded')
    await expect(
      h.client.refunds.create({ orderId: order.id, merchantRefundNo: 'R-1-c', amount: 600 }),
    ).rejects.toMatchObject({
      code: 'refund_exceeds_paid',
      details: expect.objectContaining({ refundable: 500 }),
    })
    const rest = await h.client.refunds.create({ orderId: order.id, merchantRefundNo: 'R-1-d' })
    expect(rest.amount).toBe(500)
    expect((await h.client.orders.get({ orderId: order.id })).status).toBe('refunded')
    expect(h.balanceOf(payer)).toBe(10_000)
    expect((await h.client.refunds.list({ orderId: order.id })).map((r) => r.merchantRefundNo)).toEqual([
      'R-1-a',
      'R-1-b',
      'R-1-d',
    ])
    expect(await h.client.refunds.get({ refundId: first.id })).toMatchObject({
      id: first.id,
      reason: 'cold soup',
    })
    // "the rest" again with the same number returns the refund already made
    expect((await h.client.refunds.create({ orderId: order.id, merchantRefundNo: 'R-1-d' })).id).toBe(rest.id)
  })

  it('retries safely: a lost response and the same refund number refund once', async () => {
    const { order, payer } = await paidOrder(1_000, 'R-2')
    h.rails.faults.set({ routes: { 'POST /v1/orders/{id}/refunds': { dropAfterCommit: 1 } } })
    const client = h.clientWith({ maxRetries: 0 })
    await expect(
      createRefund(client, { orderId: order.id, merchantRefundNo: 'R-2-a', amount: 400 }),
    ).rejects.toMatchObject({
      code: 'result_unknown',
      details: expect.objectContaining({
        merchantRefundNo: 'R-2-a',
        idempotencyKey: 'refund:R-2-a:400',
      }),
    })
    h.rails.faults.set({})
    const again = await createRefund(client, { orderId: order.id, merchantRefundNo: 'R-2-a', amount: 400 })
    expect(again).toMatchObject({ status: 'succeeded', amount: 400 })
    expect(h.balanceOf(payer)).toBe(9_000 + 400)
    expect(await h.client.refunds.list({ orderId: order.id })).toHaveLength(1)
  })

  it('refuses a refund of an unpaid order and bad input', async () => {
    const order = await h.client.orders.create({
      mode: 'qr',
      merchantOrderNo: 'R-3',
      amount: 100,
      description: 'Tea',
    })
    await expect(
      h.client.refunds.create({ orderId: order.id, merchantRefundNo: 'R-3-a', amount: 100 }),
    ).rejects.toMatchObject({ code: 'invalid_state' })
    await expect(
      h.client.refunds.create({ orderId: order.id, merchantRefundNo: 'R-3-b', amount: -1 }),
    ).rejects.toMatchObject({ code: 'invalid_request' })
  })
})

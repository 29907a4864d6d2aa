import { ConflictError } from '@ecny/sdk-core'
import { useMerchantRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'

// Refunds funded from the day's incoming (CMB MCH_FORWARD_AMOUNT_LESS), a 30-day refund window.
const h = useMerchantRails({ refunds: { funding: 'same_day_incoming', windowDays: 30 } })

/** The client on the rails' clock, so signatures stay fresh while the test moves days ahead. */
const client = () => h.clientWith({ now: () => h.rails.clock.now() })

async function paidOrder(amount: number, merchantOrderNo: string, payer = h.fundedWallet(10_000)) {
  const order = await client().orders.create({ mode: 'qr', merchantOrderNo, amount, description: 'Dinner' })
  h.rails.engine.payOrder(order.id, { walletId: payer })
  return { order, payer }
}

describe('refund rules the operator sets (through the SDK against the rails)', () => {
  it('a refund larger than the day’s incoming is refused, retryable; the same number works once money came in', async () => {
    const { order, payer } = await paidOrder(1_000, 'F-1')
    h.rails.clock.advance(86_400_000) // the next day: nothing came in yet
    const refused = await client()
      .refunds.create({ orderId: order.id, merchantRefundNo: 'F-1-r', amount: 600 })
      .catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(ConflictError)
    expect(refused).toMatchObject({
      code: 'refund_funding_insufficient',
      retryable: true,
      message: expect.stringContaining('Nothing was refunded; retry the same refund number later'),
      details: expect.objectContaining({ incomingToday: 0, amount: 600 }),
    })
    expect(await client().refunds.list({ orderId: order.id })).toEqual([])
    await paidOrder(700, 'F-2', payer) // today's incoming: 700 fen
    const refund = await client().refunds.create({
      orderId: order.id,
      merchantRefundNo: 'F-1-r',
      amount: 600,
    })
    expect(refund).toMatchObject({ status: 'succeeded', amount: 600 })
    await expect(
      client().refunds.create({ orderId: order.id, merchantRefundNo: 'F-1-s', amount: 101 }),
    ).rejects.toMatchObject({
      code: 'refund_funding_insufficient',
      details: expect.objectContaining({ incomingToday: 100 }),
    })
  })

  it('refuses refunds after the window with refund_window_closed naming the window', async () => {
    const { order } = await paidOrder(1_000, 'W-1')
    h.rails.clock.advance(30 * 86_400_000)
    await paidOrder(5_000, 'W-2') // funds for today
    expect(
      await client().refunds.create({ orderId: order.id, merchantRefundNo: 'W-1-a', amount: 100 }),
    ).toMatchObject({ status: 'succeeded' })
    h.rails.clock.advance(1_000)
    await expect(
      client().refunds.create({ orderId: order.id, merchantRefundNo: 'W-1-b', amount: 100 }),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      code: 'refund_window_closed',
      retryable: false,
      message: expect.stringContaining('refunds close 30 days after payment'),
      details: expect.objectContaining({ windowDays: 30 }),
    })
  })

  it('reusing a refund number with another amount names the refund number, not an idempotency key', async () => {
    const { order } = await paidOrder(1_000, 'N-1')
    const first = await client().refunds.create({ orderId: order.id, merchantRefundNo: 'N-1-r', amount: 300 })
    const clash = await client()
      .refunds.create({ orderId: order.id, merchantRefundNo: 'N-1-r', amount: 400 })
      .catch((error: unknown) => error)
    expect(clash).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining(`Merchant refund number N-1-r already belongs to refund ${first.id}`),
      details: expect.objectContaining({ merchantRefundNo: 'N-1-r', refundId: first.id }),
    })
    expect((clash as Error).message).not.toMatch(/idempotency/i)
    const reason = await client()
      .refunds.create({
        orderId: order.id,
        merchantRefundNo: 'N-1-r',
        amount: 300,
        reason: 'changed my mind',
      })
      .catch((error: unknown) => error)
    expect(reason).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('Merchant refund number N-1-r was already sent'),
    })
    expect(
      await client().refunds.create({ orderId: order.id, merchantRefundNo: 'N-1-r', amount: 300 }),
    ).toMatchObject({
      id: first.id,
    })
  })
})

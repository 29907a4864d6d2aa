import { createQrOrder, useWalletRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import { EcnyError } from '../../src/index.js'

const h = useWalletRails()

describe('pay: the limits pre-check fails before anything is sent', () => {
  it('a transient fault on the limits GET says nothing was sent; paying again is safe and pays once', async () => {
    const walletId = await h.openFunded(10_000)
    const order = createQrOrder(h, 2_500)
    h.rails.faults.set({ routes: { 'GET /v1/wallets/{id}/limits': { rate5xx: 1 } } })
    const client = h.clientWith({ credentials: h.credentials, maxRetries: 1 })
    const error = await client.payments.pay({ orderId: order.id, walletId }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EcnyError)
    expect(error).toMatchObject({
      code: 'service_unavailable',
      retryable: true,
      shortMessage: expect.stringContaining(`The limits pre-check before paying order ${order.id} failed`),
      hint: expect.stringContaining('Nothing was sent: it is safe to call pay again'),
      details: expect.objectContaining({ orderId: order.id, stage: 'precheck', paymentSent: false }),
    })
    expect(h.rails.engine.getOrder(order.id).status).toBe('created')
    expect(h.balanceOf(walletId)).toBe(10_000)
    h.rails.faults.set({})
    expect((await client.payments.pay({ orderId: order.id, walletId })).status).toBe('succeeded')
    expect(h.balanceOf(walletId)).toBe(7_500)
  })

  it('a refusal by the pre-check is unchanged (limit_exceeded is an answer, not a fault)', async () => {
    const walletId = await h.openFunded(1_000)
    const order = createQrOrder(h, 2_500)
    const error = await h.client.payments.pay({ orderId: order.id, walletId }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'insufficient_funds' })
    expect((error as EcnyError).details).not.toHaveProperty('stage')
  })
})

/**
 * Five wrong payment passwords freeze a wallet's payments (DOMAIN.md §7, m.gucheng.com 2022-02). The
 * freeze lifts after 24 hours on the rails clock (unconfirmed, configurable); a right password resets
 * the count; payments without a password are password-free up to the configured limit.
 */
import { createRails } from '@ecny/mock-rails'
import { createQrOrder, rejectionOf, testCard, useWalletRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'

const h = useWalletRails({ paymentPassword: { passwordFreeLimit: 10_000 } })

async function fundedWithPassword(amount: number) {
  const wallet = await h.client.wallets.open({
    type: 'WT01',
    level: 'WL04',
    mobile: '13712345678',
    paymentPassword: '246810',
  })
  await h.client.wallets.topUp({ walletId: wallet.id, amount, bankCard: testCard })
  return wallet.id
}

describe('payment passwords on wallet-side payments', () => {
  it('counts wrong passwords with the attempts left, and freezes payments at the fifth', async () => {
    const walletId = await fundedWithPassword(100_000)
    const order = createQrOrder(h, 20_000)
    for (let attempt = 1; attempt <= 4; attempt++) {
      const error = await rejectionOf(
        h.client.payments.pay({ orderId: order.id, walletId, password: '000000' }),
      )
      expect(error).toMatchObject({
        code: 'payment_password_incorrect',
        details: { remainingAttempts: 5 - attempt, maxAttempts: 5 },
      })
    }
    const fifth = await rejectionOf(
      h.client.payments.pay({ orderId: order.id, walletId, password: '000000' }),
    )
    expect(fifth).toMatchObject({ code: 'wallet_payments_frozen', details: { maxAttempts: 5 } })
    expect(fifth.message).toMatch(/Wait until/)
    // Frozen: the right password, a password-free payment, a transfer and a payment code are all refused.
    const right = await rejectionOf(
      h.client.payments.pay({ orderId: order.id, walletId, password: '246810' }),
    )
    expect(right).toMatchObject({ code: 'wallet_payments_frozen' })
    const small = createQrOrder(h, 100)
    expect(await rejectionOf(h.client.payments.pay({ orderId: small.id, walletId }))).toMatchObject({
      code: 'wallet_payments_frozen',
    })
    const payee = await h.openFunded(0)
    expect(
      await rejectionOf(
        h.client.transfers.create({ fromWalletId: walletId, toWalletId: payee, amount: 100 }),
      ),
    ).toMatchObject({ code: 'wallet_payments_frozen' })
    expect(await rejectionOf(h.client.payments.createPaymentCode({ walletId }))).toMatchObject({
      code: 'wallet_payments_frozen',
    })
    // Receiving and top-ups still work.
    await h.client.wallets.topUp({ walletId, amount: 100, bankCard: testCard })
    expect(h.balanceOf(walletId)).toBe(100_100)
  })

  it('lifts the freeze 24 hours later on the rails clock, with a fresh count', async () => {
    const walletId = await fundedWithPassword(100_000)
    const order = createQrOrder(h, 20_000)
    for (let i = 0; i < 5; i++)
      await rejectionOf(h.client.payments.pay({ orderId: order.id, walletId, password: '111111' }))
    h.advance(86_400_000 - 1)
    const later = createQrOrder(h, 20_000)
    await expect(
      h.client.payments.pay({ orderId: later.id, walletId, password: '246810' }),
    ).rejects.toMatchObject({
      code: 'wallet_payments_frozen',
    })
    h.advance(1)
    const again = await rejectionOf(
      h.client.payments.pay({ orderId: later.id, walletId, password: '111111' }),
    )
    expect(again).toMatchObject({ code: 'payment_password_incorrect', details: { remainingAttempts: 4 } })
    const paid = await h.client.payments.pay({ orderId: later.id, walletId, password: '246810' })
    expect(paid.status).toBe('succeeded')
  })

  it('a right password resets the count of wrong ones', async () => {
    const walletId = await fundedWithPassword(100_000)
    for (let i = 0; i < 4; i++) {
      await rejectionOf(
        h.client.payments.pay({ orderId: createQrOrder(h, 20_000).id, walletId, password: '999999' }),
      )
    }
    await h.client.payments.pay({ orderId: createQrOrder(h, 20_000).id, walletId, password: '246810' })
    const next = await rejectionOf(
      h.client.payments.pay({ orderId: createQrOrder(h, 20_000).id, walletId, password: '999999' }),
    )
    expect(next).toMatchObject({ code: 'payment_password_incorrect', details: { remainingAttempts: 4 } })
  })

  it('pays without a password up to the password-free limit; above it the password is asked for', async () => {
    const walletId = await fundedWithPassword(100_000)
    const small = await h.client.payments.pay({ orderId: createQrOrder(h, 10_000).id, walletId })
    expect(small.status).toBe('succeeded')
    const large = await rejectionOf(h.client.payments.pay({ orderId: createQrOrder(h, 10_001).id, walletId }))
    expect(large).toMatchObject({ code: 'invalid_request' })
    expect(large.message).toMatch(/password-free limit of 10000 fen/)
    const payee = await h.openFunded(0)
    const sent = await h.client.transfers.create({
      fromWalletId: walletId,
      toWalletId: payee,
      amount: 20_000,
      password: '246810',
    })
    expect(h.balanceOf(payee)).toBe(sent.amount)
  })

  it('wallets opened without a password get the sandbox default 123456', async () => {
    const walletId = await h.openFunded(50_000)
    const paid = await h.client.payments.pay({
      orderId: createQrOrder(h, 20_000).id,
      walletId,
      password: '123456',
    })
    expect(paid.status).toBe('succeeded')
  })

  it('refuses a password that is not 6 digits before sending', async () => {
    const walletId = await h.openFunded(50_000)
    const sent = h.requests.length
    const error = await rejectionOf(h.client.payments.pay({ orderId: 'ord_x', walletId, password: '12ab' }))
    expect(error).toMatchObject({ code: 'invalid_request' })
    expect(h.requests.length).toBe(sent)
  })

  it('the count and the freeze survive a restart of the rails', async () => {
    const walletId = await fundedWithPassword(100_000)
    const order = createQrOrder(h, 20_000)
    for (let i = 0; i < 3; i++)
      await rejectionOf(h.client.payments.pay({ orderId: order.id, walletId, password: '000000' }))
    const restarted = createRails({
      state: h.rails.snapshot(),
      paymentPassword: { passwordFreeLimit: 10_000 },
    })
    const error = (() => {
      try {
        restarted.engine.payOrder(order.id, { walletId, password: '000000' })
      } catch (caught) {
        return caught as { code: string; details: Record<string, unknown> }
      }
    })()
    expect(error).toMatchObject({ code: 'payment_password_incorrect', details: { remainingAttempts: 1 } })
  })
})

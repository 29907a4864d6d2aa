import { createQrOrder, testCard, useWalletRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import { EcnyError, getOrder, maskWalletId, payOrder, resolveQr, waitForFinal } from '../../src/index.js'

const h = useWalletRails()
const day = 24 * 3_600_000

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: unknown) => error as EcnyError,
  )
}

const merchantWallet = () => h.rails.engine.getMerchant(h.merchantId).settlementWalletId as string
const paid = (orderId: string) => h.rails.engine.getOrder(orderId).status

describe('paying a QR order', () => {
  it('resolves the scanned code, pays it, and the ledger moves the money once', async () => {
    const walletId = await h.openFunded(10_000)
    const order = createQrOrder(h, 1_250)
    const qr = await resolveQr(h.client, { payload: order.qrPayload! })
    expect(qr).toMatchObject({
      orderId: order.id,
      amount: 1_250,
      merchantId: h.merchantId,
      status: 'created',
    })

    const result = await h.client.payments.pay({ orderId: qr.orderId, walletId, amount: qr.amount })
    expect(result).toMatchObject({
      id: order.id,
      status: 'succeeded',
      paidAmount: 1_250,
      payerWalletId: walletId,
    })
    expect(h.balanceOf(walletId)).toBe(8_750)
    expect(h.balanceOf(merchantWallet())).toBe(1_250)
    expect(h.rails.ledger.verify()).toMatchObject({ ok: true })

    expect(await getOrder(h.client, { orderId: order.id })).toMatchObject({ status: 'succeeded' })
    expect(await waitForFinal(h.client, { orderId: order.id })).toMatchObject({ status: 'succeeded' })
  })

  it('refuses more than the balance before sending; the gateway refuses it too', async () => {
    const walletId = await h.openFunded(1_000)
    const order = createQrOrder(h, 1_001)
    h.requests.length = 0
    const error = await rejection(payOrder(h.client, { orderId: order.id, walletId }))
    expect(error).toMatchObject({ code: 'insufficient_funds', details: { available: 1_000, shortfall: 1 } })
    expect(h.requests).toEqual([`GET /v1/orders/${order.id}`, `GET /v1/wallets/${walletId}/limits`])

    const fromGateway = await rejection(payOrder(h.client, { orderId: order.id, walletId, precheck: false }))
    expect(fromGateway.code).toBe('insufficient_funds')
    expect(paid(order.id)).toBe('created')
    expect(h.balanceOf(walletId)).toBe(1_000)
  })

  it('allows exactly the single-payment cap and refuses one fen more', async () => {
    const walletId = await h.openFunded(1_000_000)
    const over = createQrOrder(h, 200_001)
    h.requests.length = 0
    const error = await rejection(h.client.payments.pay({ orderId: over.id, walletId }))
    expect(error).toBeInstanceOf(EcnyError)
    expect(error).toMatchObject({
      code: 'limit_exceeded',
      details: {
        cap: 'single',
        limit: 200_000,
        used: 0,
        headroom: 200_000,
        walletId: maskWalletId(walletId),
      },
    })
    expect(error.shortMessage).toBe(
      "This payment of ¥2,000.01 is over the wallet's single-payment cap of ¥2,000.00 (WL04). Headroom: ¥2,000.00.",
    )
    expect(h.requests.some((request) => request.startsWith('POST'))).toBe(false)
    expect(
      (await rejection(h.client.payments.pay({ orderId: over.id, walletId, precheck: false }))).details,
    ).toMatchObject({
      cap: 'single',
    })

    const atCap = createQrOrder(h, 200_000)
    await h.client.payments.pay({ orderId: atCap.id, walletId })
    expect(paid(atCap.id)).toBe('succeeded')
    expect(h.balanceOf(walletId)).toBe(800_000)
  })

  it('allows exactly the daily cap, refuses one fen more, and resets at midnight (Asia/Shanghai)', async () => {
    h.setClock('2025-03-03T10:00:00+08:00')
    const walletId = await h.openFunded(1_000_000)
    for (const amount of [200_000, 200_000, 100_000]) {
      await h.client.payments.pay({ orderId: createQrOrder(h, amount).id, walletId })
    }
    expect((await h.client.wallets.limits({ walletId })).used.today).toBe(500_000)

    const next = createQrOrder(h, 1)
    const error = await rejection(h.client.payments.pay({ orderId: next.id, walletId }))
    expect(error).toMatchObject({
      code: 'limit_exceeded',
      details: { cap: 'daily', limit: 500_000, used: 500_000, headroom: 0 },
    })
    expect(error.hint).toContain('2025-03-04T00:00:00')
    expect(
      (await rejection(h.client.payments.pay({ orderId: next.id, walletId, precheck: false }))).details,
    ).toMatchObject({
      cap: 'daily',
    })

    h.advance(14 * 3_600_000) // 2025-03-04 00:00 in Shanghai
    expect((await h.client.wallets.limits({ walletId })).used).toEqual({ today: 0, thisYear: 500_000 })
    const tomorrow = createQrOrder(h, 200_000)
    await h.client.payments.pay({ orderId: tomorrow.id, walletId })
    expect(paid(tomorrow.id)).toBe('succeeded')
    expect(h.balanceOf(walletId)).toBe(300_000)
  })

  it('allows exactly the annual cap and refuses one fen more', async () => {
    h.setClock('2025-03-01T10:00:00+08:00')
    const walletId = await h.openFunded(0)
    const { engine } = h.rails
    const spend = (amount: number) => {
      engine.topUp(walletId, { amount, bankCard: testCard })
      for (let left = amount; left > 0; left -= 200_000) {
        const order = createQrOrder(h, Math.min(200_000, left))
        engine.payOrder(order.id, { walletId })
      }
    }
    // Nine days at the daily cap, then ¥4,000 on the tenth: ¥49,000 of the ¥50,000 annual cap.
    for (let d = 0; d < 9; d++) {
      spend(500_000)
      h.advance(day)
    }
    spend(400_000)
    h.advance(day)
    engine.topUp(walletId, { amount: 200_000, bankCard: testCard })
    expect((await h.client.wallets.limits({ walletId })).used).toEqual({ today: 0, thisYear: 4_900_000 })

    const over = createQrOrder(h, 100_001)
    const error = await rejection(h.client.payments.pay({ orderId: over.id, walletId }))
    expect(error).toMatchObject({
      code: 'limit_exceeded',
      details: { cap: 'annual', limit: 5_000_000, used: 4_900_000, headroom: 100_000 },
    })
    expect(error.shortMessage).toContain('annual cap of ¥50,000.00 (WL04): ¥49,000.00 already used this year')
    expect(
      (await rejection(h.client.payments.pay({ orderId: over.id, walletId, precheck: false }))).details,
    ).toMatchObject({
      cap: 'annual',
    })
    const atCap = createQrOrder(h, 100_000)
    await h.client.payments.pay({ orderId: atCap.id, walletId })
    expect(paid(atCap.id)).toBe('succeeded')
    expect((await h.client.wallets.limits({ walletId })).used.thisYear).toBe(5_000_000)
  })

  it('refuses to pay from a closed wallet', async () => {
    const walletId = await h.openFunded(0)
    await h.client.wallets.close({ walletId })
    const order = createQrOrder(h, 100)
    h.requests.length = 0
    expect((await rejection(h.client.payments.pay({ orderId: order.id, walletId }))).code).toBe(
      'wallet_closed',
    )
    expect(h.requests.some((request) => request.startsWith('POST'))).toBe(false)
    expect(
      (await rejection(h.client.payments.pay({ orderId: order.id, walletId, precheck: false }))).code,
    ).toBe('wallet_closed')
    expect(paid(order.id)).toBe('created')
  })

  it('refuses an expired order', async () => {
    const walletId = await h.openFunded(10_000)
    const order = createQrOrder(h, 100)
    h.advance(16 * 60_000) // orders live 15 minutes by default
    const error = await rejection(h.client.payments.pay({ orderId: order.id, walletId, amount: 100 }))
    expect(['order_expired', 'order_not_payable']).toContain(error.code)
    expect(h.balanceOf(walletId)).toBe(10_000)
  })
})

describe('unknown outcomes', () => {
  const payRoute = 'POST /v1/orders/{id}/pay'

  it('a response lost after the gateway committed is recovered by the retry with the same key: charged once', async () => {
    const walletId = await h.openFunded(10_000)
    const order = createQrOrder(h, 2_500)
    h.rails.faults.set({ routes: { [payRoute]: { dropAfterCommit: 1 } } })
    const handle = h.rails.handle
    const keys: Array<string | null> = []
    h.rails.handle = async (request) => {
      if (request.method === 'POST' && request.url.endsWith('/pay')) {
        keys.push(request.headers.get('idempotency-key'))
        const response = await handle(request)
        h.rails.faults.set({}) // only the first response is lost
        return response
      }
      return handle(request)
    }
    const result = await h.client.payments.pay({ orderId: order.id, walletId, amount: 2_500 })
    expect(result.status).toBe('succeeded')
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBe(keys[1])
    expect(h.balanceOf(walletId)).toBe(7_500)
    expect(h.balanceOf(merchantWallet())).toBe(2_500)
    expect(h.rails.ledger.verify()).toMatchObject({ ok: true })
  })

  it('when no retry is left, result_unknown says how to settle it; waitForFinal finds it paid once', async () => {
    const walletId = await h.openFunded(10_000)
    const order = createQrOrder(h, 2_500)
    h.rails.faults.set({ routes: { [payRoute]: { dropAfterCommit: 1 } } })
    const error = await rejection(
      h.client.payments.pay({ orderId: order.id, walletId, amount: 2_500 }, { maxRetries: 0 }),
    )
    expect(error.code).toBe('result_unknown')
    expect(error.details).toMatchObject({ orderId: order.id, idempotencyKey: expect.stringMatching(/^idk_/) })
    expect(error.hint).toContain('orderId')

    const settled = await waitForFinal(h.client, { orderId: error.details.orderId as string })
    expect(settled.status).toBe('succeeded')
    expect(h.balanceOf(walletId)).toBe(7_500)

    // Retrying with the same key is safe too: the gateway replays its answer, nothing is charged again.
    h.rails.faults.set({})
    const replayed = await h.client.payments.pay(
      { orderId: order.id, walletId, precheck: false },
      { idempotencyKey: error.details.idempotencyKey as string },
    )
    expect(replayed.status).toBe('succeeded')
    expect(h.balanceOf(walletId)).toBe(7_500)
    expect(h.balanceOf(merchantWallet())).toBe(2_500)
  })
})

describe('payment codes', () => {
  const charge = (paymentCode: string, amount: number) =>
    h.rails.engine.createOrder({
      merchantId: h.merchantId,
      merchantOrderNo: `PC-${Math.random().toString(36).slice(2, 10)}`,
      amount,
      description: 'Groceries',
      mode: 'payment_code',
      paymentCode,
    })

  it('creates a 19-digit code with its expiry, which a merchant charges once', async () => {
    const walletId = await h.openFunded(10_000)
    const code = await h.client.payments.createPaymentCode({ walletId })
    expect(code.code).toMatch(/^[0-9]{19}$/)
    expect(Date.parse(code.expiresAt) - Date.parse(code.createdAt)).toBe(60_000)
    const first = charge(code.code, 3_000)
    expect(first.status).toBe('succeeded')
    expect(h.balanceOf(walletId)).toBe(7_000)

    const reused = charge(code.code, 3_000)
    expect(reused).toMatchObject({ status: 'failed', failureCode: 'payment_code_used' })
    expect(h.balanceOf(walletId)).toBe(7_000)
    expect(await waitForFinal(h.client, { orderId: first.id })).toMatchObject({
      status: 'succeeded',
      paidAmount: 3_000,
    })
  })

  it('refuses a code past its expiry', async () => {
    const walletId = await h.openFunded(10_000)
    const code = await h.client.payments.createPaymentCode({ walletId })
    h.advance(60_001)
    expect(charge(code.code, 100)).toMatchObject({ status: 'failed', failureCode: 'payment_code_expired' })
    expect(h.balanceOf(walletId)).toBe(10_000)
  })

  it('watchPaymentCode replaces the code before it expires; the replaced code no longer pays', async () => {
    const walletId = await h.openFunded(10_000)
    const codes: string[] = []
    const stop = h.client.payments.watchPaymentCode({
      walletId,
      refreshBeforeMs: 59_800,
      onCode: (code) => codes.push(code.code),
    })
    const deadline = Date.now() + 5_000
    while (codes.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
    stop()
    expect(codes.length).toBeGreaterThanOrEqual(2)
    expect(charge(codes[0]!, 100).status).toBe('failed')
    expect(charge(codes.at(-1)!, 100).status).toBe('succeeded')
    expect(h.balanceOf(walletId)).toBe(9_900)
  })
})

import './support/realm.js'
import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import {
  type CheckoutOrder,
  PaymentQRCode,
  type UseCheckoutParameters,
  useCheckout,
  useOrder,
  usePaymentCode,
} from '../src/index.js'
import { type Harness, setupRails, sleep } from './support/railsHarness.js'

// Checkout pages: orders, payment codes, useCheckout and the QR, against fresh rails per test (one
// file: jsdom is set up once). Codes live 1 s on these rails, so a refresh 700 ms before expiry
// comes every 300 ms.
const h: Harness = setupRails({ paymentCodeTtlSeconds: 1 })

describe('useOrder', () => {
  it('polls until the order is final, then stops', async () => {
    const order = await h.createOrder(1_250)
    const payer = h.openWallet(5_000)
    const { result } = renderHook(() => useOrder({ orderId: order.orderId, pollIntervalMs: 20 }), {
      wrapper: h.wrapper({ clientToken: order.clientToken }),
    })
    await waitFor(() => expect(result.current.data?.status).toBe('created'))
    await waitFor(() => expect(h.count(`GET /v1/orders/${order.orderId}`)).toBeGreaterThanOrEqual(3))
    await h.pay(order.qrPayload, payer)
    await waitFor(() => expect(result.current.data?.status).toBe('succeeded'))
    expect(result.current.data).toMatchObject({ amount: 1_250, paidAmount: 1_250, payerWalletId: payer })
    await sleep(30) // let a read already in flight land
    const polls = h.count(`GET /v1/orders/${order.orderId}`)
    await sleep(150)
    expect(h.count(`GET /v1/orders/${order.orderId}`)).toBe(polls)
  })

  it('stops polling on unmount', async () => {
    const order = await h.createOrder(800)
    const { result, unmount } = renderHook(() => useOrder({ orderId: order.orderId, pollIntervalMs: 20 }), {
      wrapper: h.wrapper({ clientToken: order.clientToken }),
    })
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    await waitFor(() => expect(h.count(`GET /v1/orders/${order.orderId}`)).toBeGreaterThanOrEqual(2))
    unmount()
    await sleep(30) // let a read already in flight land
    const polls = h.count(`GET /v1/orders/${order.orderId}`)
    await sleep(150)
    expect(h.count(`GET /v1/orders/${order.orderId}`)).toBe(polls)
  })

  it('stops polling after a permanent failure', async () => {
    const order = await h.createOrder(800)
    const other = await h.createOrder(900)
    const { result } = renderHook(() => useOrder({ orderId: order.orderId, pollIntervalMs: 20 }), {
      wrapper: h.wrapper({ clientToken: other.clientToken }), // scoped to another order
    })
    await waitFor(() => expect(result.current.error?.code).toBe('permission_denied'))
    await sleep(120)
    expect(h.count(`GET /v1/orders/${order.orderId}`)).toBe(1)
  })
})

describe('usePaymentCode', () => {
  it('creates a code and replaces it before it expires, until unmounted', async () => {
    const walletId = h.openWallet(1_000)
    const token = await h.walletToken(walletId)
    const seen = new Set<string>()
    const { result, unmount } = renderHook(() => usePaymentCode({ walletId, refreshBeforeMs: 700 }), {
      wrapper: h.wrapper({ clientToken: token }),
    })
    await waitFor(
      () => {
        if (result.current.data) seen.add(result.current.data.code)
        expect(seen.size).toBeGreaterThanOrEqual(3)
      },
      { timeout: 3_000, interval: 20 },
    )
    expect(result.current.data?.code).toMatch(/^\d{19}$/)
    const path = `POST /v1/wallets/${walletId}/payment-codes`
    // Never faster than the refresh schedule: ~300 ms apart, so few requests for three codes.
    expect(h.count(path)).toBeLessThanOrEqual(seen.size + 1)
    unmount()
    await sleep(50)
    const made = h.count(path)
    await sleep(400)
    expect(h.count(path)).toBe(made)
    expect(h.queryClient.getQueryCache().findAll({ queryKey: ['ecny', 'createPaymentCode'] })).toHaveLength(0)
  })

  it('stops for good when the wallet cannot have codes', async () => {
    const walletId = h.openWallet(0)
    const token = await h.walletToken(walletId)
    h.rails.engine.closeWallet(walletId)
    const { result } = renderHook(() => usePaymentCode({ walletId, refreshBeforeMs: 700 }), {
      wrapper: h.wrapper({ clientToken: token }),
    })
    await waitFor(() => expect(result.current.error?.code).toBe('wallet_closed'))
    await sleep(400)
    expect(h.count(`POST /v1/wallets/${walletId}/payment-codes`)).toBe(1)
  })
})

function renderCheckout(initial: Partial<UseCheckoutParameters> & { amount: number | null | undefined }) {
  const createOrder = vi.fn(({ amount }: { amount: number }) =>
    h.createOrder(amount, { expiresInSeconds: 60 }),
  )
  const onAbandon = vi.fn((_order: CheckoutOrder) => {})
  const hook = renderHook(
    (props: Partial<UseCheckoutParameters> & { amount: number | null | undefined }) =>
      useCheckout({ createOrder, onAbandon, pollIntervalMs: 20, ...props }),
    { wrapper: h.wrapper(), initialProps: initial },
  )
  return { ...hook, createOrder, onAbandon }
}

/** A checkout page: QR while awaiting payment, a receipt after. */
function Checkout({ amount }: { amount: number }) {
  const checkout = useCheckout({
    amount,
    createOrder: ({ amount }) => h.createOrder(amount),
    pollIntervalMs: 20,
  })
  if (checkout.status === 'awaiting_payment')
    return <PaymentQRCode payload={checkout.order.qrPayload} amount={checkout.amount} caption />
  if (checkout.status === 'succeeded') return <p>Paid ¥{(checkout.result.paidAmount / 100).toFixed(2)}</p>
  return <p>{checkout.status}</p>
}

describe('useCheckout', () => {
  it('creates the order, shows the QR, and follows it to success', async () => {
    const Wrapper = h.wrapper()
    render(<Checkout amount={1_234} />, { wrapper: Wrapper })
    expect(screen.getByText('creating')).toBeTruthy()
    const qr = await screen.findByRole('img', { name: 'e-CNY payment QR code for ¥12.34' })
    expect(qr.tagName.toLowerCase()).toBe('svg')
    expect(screen.getByText('Scan with an e-CNY wallet to pay ¥12.34')).toBeTruthy()

    // The page follows the order by polling it (the first poll may land just after the QR shows).
    await waitFor(() => expect(h.requests[0]).toMatch(/^GET \/v1\/orders\/ord_/))
    const orderId = h.requests[0]!.split('/')[3]!
    await h.pay(`ecny://pay?o=${orderId}`, h.openWallet(10_000))
    await screen.findByText('Paid ¥12.34')
    await sleep(30) // let a read already in flight land
    const polls = h.count(`GET /v1/orders/${orderId}`)
    await sleep(120)
    expect(h.count(`GET /v1/orders/${orderId}`)).toBe(polls)
  })

  it('exposes each step as a discriminated state', async () => {
    const { result, createOrder } = renderCheckout({ amount: 990 })
    expect(result.current.status).toBe('creating')
    await waitFor(() => expect(result.current.status).toBe('awaiting_payment'))
    if (result.current.status !== 'awaiting_payment') throw new Error('unreachable')
    expect(result.current.order).toMatchObject({
      amount: 990,
      qrPayload: expect.stringMatching(/^ecny:\/\/pay\?o=ord_/),
    })
    expect(createOrder).toHaveBeenCalledTimes(1)
    expect(createOrder.mock.calls[0]![0]).toMatchObject({ amount: 990, signal: expect.any(AbortSignal) })
    await h.pay(result.current.order.qrPayload, h.openWallet(990))
    await waitFor(() => expect(result.current.status).toBe('succeeded'))
    expect(result.current).toMatchObject({ amount: 990, result: { status: 'succeeded', paidAmount: 990 } })
  })

  it('keeps the QR up when a payer cannot pay, then reports expiry when the order closes', async () => {
    const { result } = renderCheckout({ amount: 5_000 })
    await waitFor(() => expect(result.current.status).toBe('awaiting_payment'))
    if (result.current.status !== 'awaiting_payment') throw new Error('unreachable')
    const poor = h.openWallet(100)
    await expect(h.pay(result.current.order.qrPayload, poor)).rejects.toMatchObject({
      code: 'insufficient_funds',
    })
    await sleep(60)
    expect(result.current.status).toBe('awaiting_payment') // another wallet may still pay
    act(() => h.rails.clock.advance(61_000)) // past expiresAt: the rails close the order
    await waitFor(() => expect(result.current.status).toBe('expired'))
    expect(result.current).toMatchObject({ result: { status: 'closed', failureCode: 'order_expired' } })
  })

  it('reports failed when the merchant closes the order', async () => {
    const { result } = renderCheckout({ amount: 700 })
    await waitFor(() => expect(result.current.status).toBe('awaiting_payment'))
    if (result.current.status !== 'awaiting_payment') throw new Error('unreachable')
    h.rails.engine.closeOrder(result.current.order.orderId)
    await waitFor(() => expect(result.current.status).toBe('failed'))
    expect(result.current).toMatchObject({ reason: 'closed' })
  })

  it('abandons the order when the amount changes, and never shows it as paid', async () => {
    const { result, rerender, createOrder, onAbandon } = renderCheckout({ amount: 1_000 })
    await waitFor(() => expect(result.current.status).toBe('awaiting_payment'))
    if (result.current.status !== 'awaiting_payment') throw new Error('unreachable')
    const first = result.current.order

    rerender({ amount: 2_000 })
    expect(result.current).toMatchObject({ status: 'creating', amount: 2_000 })
    await waitFor(() => expect(result.current.status).toBe('awaiting_payment'))
    if (result.current.status !== 'awaiting_payment') throw new Error('unreachable')
    const second = result.current.order
    expect(second).toMatchObject({ amount: 2_000 })
    expect(second.orderId).not.toBe(first.orderId)
    expect(onAbandon).toHaveBeenCalledWith(first)
    expect(createOrder).toHaveBeenCalledTimes(2)

    await h.pay(first.qrPayload, h.openWallet(5_000)) // someone pays the stale QR anyway
    const firstPolls = h.count(`GET /v1/orders/${first.orderId}`)
    await sleep(120)
    expect(result.current).toMatchObject({ status: 'awaiting_payment', order: { orderId: second.orderId } })
    expect(h.count(`GET /v1/orders/${first.orderId}`)).toBe(firstPolls) // no longer followed

    await h.pay(second.qrPayload, h.openWallet(5_000))
    await waitFor(() => expect(result.current.status).toBe('succeeded'))
    expect(result.current).toMatchObject({ amount: 2_000, result: { id: second.orderId, amount: 2_000 } })
  })

  it('abandons an order that arrives after the amount already changed', async () => {
    let release: (() => void) | undefined
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const createOrder = vi.fn(async ({ amount }: { amount: number }) => {
      if (amount === 100) await gate
      return h.createOrder(amount)
    })
    const onAbandon = vi.fn()
    const { result, rerender } = renderHook(
      ({ amount }: { amount: number }) => useCheckout({ amount, createOrder, onAbandon, pollIntervalMs: 20 }),
      { wrapper: h.wrapper(), initialProps: { amount: 100 } },
    )
    rerender({ amount: 300 })
    await waitFor(() => expect(result.current).toMatchObject({ status: 'awaiting_payment', amount: 300 }))
    release?.()
    await waitFor(() => expect(onAbandon).toHaveBeenCalledWith(expect.objectContaining({ amount: 100 })))
    expect(result.current).toMatchObject({ status: 'awaiting_payment', amount: 300, order: { amount: 300 } })
  })

  it('refuses an order for a different amount than asked: an error, never success', async () => {
    const createOrder = vi.fn(() => h.createOrder(1)) // a backend bug: one fen
    const { result } = renderHook(() => useCheckout({ amount: 9_900, createOrder, pollIntervalMs: 20 }), {
      wrapper: h.wrapper(),
    })
    await waitFor(() => expect(result.current.status).toBe('error'))
    if (result.current.status !== 'error') throw new Error('unreachable')
    expect(result.current.error).toMatchObject({
      code: 'invalid_response',
      details: { expected: 9_900, received: 1 },
    })
    expect(result.current.error.message).toContain('is for ¥0.01, not the ¥99.00')
    const orderId = result.current.order!.orderId
    await h.pay(result.current.order!.qrPayload, h.openWallet(100))
    await sleep(100)
    expect(result.current.status).toBe('error')
    expect(h.count(`GET /v1/orders/${orderId}`)).toBe(0)
  })

  it('shows a failing backend as an error, and retry() starts over', async () => {
    const failure = new Error('backend down')
    const createOrder = vi
      .fn<(request: { amount: number }) => Promise<CheckoutOrder>>()
      .mockRejectedValueOnce(failure)
      .mockImplementation(({ amount }) => h.createOrder(amount))
    const { result } = renderHook(() => useCheckout({ amount: 450, createOrder, pollIntervalMs: 20 }), {
      wrapper: h.wrapper(),
    })
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current).toMatchObject({ error: failure, amount: 450 })
    act(() => result.current.retry())
    await waitFor(() => expect(result.current.status).toBe('awaiting_payment'))
    expect(createOrder).toHaveBeenCalledTimes(2)
  })

  it('is idle without an amount, and refuses a non-fen amount without calling the backend', async () => {
    const { result, rerender, createOrder } = renderCheckout({ amount: undefined })
    expect(result.current.status).toBe('idle')
    rerender({ amount: 12.5 })
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current).toMatchObject({ error: { code: 'invalid_request' } })
    expect(createOrder).not.toHaveBeenCalled()
  })

  it('creates one order under StrictMode', async () => {
    const createOrder = vi.fn(({ amount }: { amount: number }) => h.createOrder(amount))
    const Wrapper = h.wrapper()
    const { result } = renderHook(() => useCheckout({ amount: 321, createOrder, pollIntervalMs: 20 }), {
      wrapper: ({ children }) => (
        <StrictMode>
          <Wrapper>{children}</Wrapper>
        </StrictMode>
      ),
    })
    await waitFor(() => expect(result.current.status).toBe('awaiting_payment'))
    expect(createOrder).toHaveBeenCalledTimes(1)
  })
})

describe('PaymentQRCode', () => {
  it('is an image named by its amount, sized as asked', () => {
    render(<PaymentQRCode payload="ecny://pay?o=ord_1" amount={1_234} size={180} />)
    const svg = screen.getByRole('img', { name: 'e-CNY payment QR code for ¥12.34' })
    expect(svg.getAttribute('width')).toBe('180')
    expect(svg.getAttribute('viewBox')).toBe('0 0 33 33') // version 2 (25 modules) + 2 × 4 quiet zone
    expect(svg.querySelector('path')?.getAttribute('d')).toMatch(/^M4 4h7v1h-7z/) // the finder's top edge
  })

  it('takes a visible caption and a translated label', () => {
    const { rerender } = render(<PaymentQRCode payload="ecny://pay?o=ord_1" amount={50} caption />)
    expect(screen.getByText('Scan with an e-CNY wallet to pay ¥0.50')).toBeTruthy()
    rerender(
      <PaymentQRCode
        payload="ecny://pay?o=ord_1"
        label="数字人民币付款码 ¥0.50"
        caption="请使用数字人民币App扫码"
      />,
    )
    expect(screen.getByRole('img', { name: '数字人民币付款码 ¥0.50' })).toBeTruthy()
    expect(screen.getByText('请使用数字人民币App扫码').tagName.toLowerCase()).toBe('figcaption')
  })

  it('names the code without an amount when none is given', () => {
    render(<PaymentQRCode payload="ecny://pay?o=ord_2" />)
    expect(screen.getByRole('img', { name: 'e-CNY payment QR code' })).toBeTruthy()
  })
})

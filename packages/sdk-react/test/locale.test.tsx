import './support/realm.js'
import { render, renderHook, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { EcnyProvider, formatAmount, PaymentQRCode, useCheckout, useOrder } from '../src/index.js'
import { type Harness, setupRails } from './support/railsHarness.js'

const h: Harness = setupRails()
const chinese = /[\u4e00-\u9fff]/

afterEach(() => {
  vi.restoreAllMocks()
})

describe('formatAmount', () => {
  it('writes ¥12.50 in English and 12.50 元 in Chinese sentences', () => {
    expect(formatAmount(1_250, 'en')).toBe('¥12.50')
    expect(formatAmount(1_250, 'zh-CN')).toBe('12.50 元')
    expect(formatAmount(5, 'zh-CN')).toBe('0.05 元')
    expect(formatAmount(123_456_789, 'en')).toBe('¥1,234,567.89')
    expect(formatAmount(123_456_789, 'zh-CN')).toBe('1,234,567.89 元')
  })
})

describe('PaymentQRCode', () => {
  it('speaks Chinese under a zh-CN provider: label and caption, amount in 元', () => {
    render(
      <EcnyProvider baseUrl="http://127.0.0.1:1" locale="zh-CN">
        <PaymentQRCode payload="ecny://pay?o=ord_1" amount={1_250} caption />
      </EcnyProvider>,
    )
    expect(screen.getByRole('img', { name: '数字人民币付款二维码，金额 12.50 元' })).toBeTruthy()
    expect(screen.getByText('请使用数字人民币钱包扫码支付 12.50 元')).toBeTruthy()
  })

  it('speaks English under an en provider, and its own locale prop wins', () => {
    render(
      <EcnyProvider baseUrl="http://127.0.0.1:1" locale="en">
        <PaymentQRCode payload="ecny://pay?o=ord_1" amount={1_250} caption />
        <PaymentQRCode payload="ecny://pay?o=ord_2" caption locale="zh-CN" />
      </EcnyProvider>,
    )
    expect(screen.getByRole('img', { name: 'e-CNY payment QR code for ¥12.50' })).toBeTruthy()
    expect(screen.getByText('Scan with an e-CNY wallet to pay ¥12.50')).toBeTruthy()
    expect(screen.getByRole('img', { name: '数字人民币付款二维码' })).toBeTruthy()
    expect(screen.getByText('请使用数字人民币钱包扫码支付')).toBeTruthy()
  })

  it("follows the browser's language outside a provider", () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('zh-CN')
    render(<PaymentQRCode payload="ecny://pay?o=ord_1" amount={50} />)
    expect(screen.getByRole('img', { name: '数字人民币付款二维码，金额 0.50 元' })).toBeTruthy()
  })
})

describe('errors under a zh-CN provider', () => {
  it('a gateway refusal read by a hook is in Chinese with the zh docs page', async () => {
    const order = await h.createOrder(1_250)
    const { result } = renderHook(() => useOrder({ orderId: 'ord_someone_elses', query: { retry: false } }), {
      wrapper: h.wrapper({ clientToken: order.clientToken, locale: 'zh-CN' }),
    })
    await waitFor(() => expect(result.current.error).toBeTruthy())
    const error = result.current.error!
    expect(error.shortMessage).toMatch(chinese)
    expect(error.docsUrl).toBe(`https://ecny-sdk.dev/docs/zh/errors#${error.code}`)
  })

  it("useCheckout's own refusal of a bad amount is in Chinese", async () => {
    const { result } = renderHook(() => useCheckout({ amount: 12.5, createOrder: () => h.createOrder(1) }), {
      wrapper: h.wrapper({ locale: 'zh-CN' }),
    })
    await waitFor(() => expect(result.current.status).toBe('error'))
    await waitFor(() =>
      expect(result.current.status === 'error' && result.current.error.message).toMatch(
        /^请求无效：amount：12.5/,
      ),
    )
  })

  it('and in English under an en provider', async () => {
    const { result } = renderHook(() => useCheckout({ amount: 12.5, createOrder: () => h.createOrder(1) }), {
      wrapper: h.wrapper({ locale: 'en' }),
    })
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.status === 'error' && result.current.error.message).toMatch(
      /^Invalid request: amount: 12.5 is not a positive whole number of fen/,
    )
  })
})

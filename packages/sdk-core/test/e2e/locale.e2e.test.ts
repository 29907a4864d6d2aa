import { createQrOrder, rejectionOf, useWalletRails } from '@ecny/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createBaseClient } from '../../src/client/createBaseClient.js'
import { EcnyError, getWallet, InsufficientFundsError, payOrder } from '../../src/index.js'

const h = useWalletRails()
const chinese = /[\u4e00-\u9fff]/

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('a zh-CN client', () => {
  it('reads a gateway refusal in Chinese, with its request id and the zh docs page', async () => {
    const client = h.clientWith({ credentials: h.credentials, locale: 'zh-CN' })
    const walletId = await h.openFunded(1_000)
    const order = createQrOrder(h, 1_001)
    const error = await rejectionOf(client.payments.pay({ orderId: order.id, walletId, precheck: false }))
    expect(error).toBeInstanceOf(InsufficientFundsError)
    expect(error.code).toBe('insufficient_funds')
    expect(error.shortMessage).toMatch(chinese)
    expect(error.hint).toMatch(chinese)
    expect(error.requestId).toMatch(/\S/)
    expect(error.docsUrl).toBe('https://ecny-sdk.dev/docs/zh/errors#insufficient_funds')
    expect(error.message).toContain(`请求编号：${error.requestId}`)
    expect(error.message).toContain('文档：https://ecny-sdk.dev/docs/zh/errors#insufficient_funds')
    expect(error.message.split('\n')[0]).not.toMatch(/^[A-Za-z]/)
    expect(error.toJSON()).toMatchObject({ message: error.shortMessage, docsUrl: error.docsUrl })
  })

  it('names the bad field in Chinese when the SDK refuses the input before sending', async () => {
    const client = h.clientWith({ credentials: h.credentials, locale: 'zh-CN' })
    h.requests.length = 0
    const error = await rejectionOf(client.wallets.get({ walletId: 'not-a-wallet' }))
    expect(error.code).toBe('invalid_request')
    expect(error.shortMessage).toMatch(chinese)
    expect(error.shortMessage).toContain('walletId')
    expect(error.hint).toMatch(chinese)
    expect(error.docsUrl).toBe('https://ecny-sdk.dev/docs/zh/errors#invalid_request')
    expect(h.requests).toEqual([])
  })

  it('explains the SDK-side balance check in Chinese, amounts kept', async () => {
    const client = h.clientWith({ credentials: h.credentials, locale: 'zh-CN' })
    const walletId = await h.openFunded(1_000)
    const order = createQrOrder(h, 1_001)
    const error = await rejectionOf(client.payments.pay({ orderId: order.id, walletId }))
    expect(error).toMatchObject({ code: 'insufficient_funds', details: { available: 1_000, shortfall: 1 } })
    expect(error.shortMessage).toMatch(chinese)
    expect(error.shortMessage).toContain('10.00')
    expect(error.shortMessage).toContain('0.01')
  })

  it('links a bank-hosted copy of the docs when docsBaseUrl is set', async () => {
    const zh = h.clientWith({
      credentials: h.credentials,
      locale: 'zh-CN',
      docsBaseUrl: 'https://docs.bank.example/ecny/',
    })
    const en = h.clientWith({
      credentials: h.credentials,
      locale: 'en',
      docsBaseUrl: 'https://docs.bank.example/ecny',
    })
    const missing = '0099000000009999'
    expect((await rejectionOf(zh.wallets.get({ walletId: missing }))).docsUrl).toBe(
      'https://docs.bank.example/ecny/zh/errors#not_found',
    )
    expect((await rejectionOf(en.wallets.get({ walletId: missing }))).docsUrl).toBe(
      'https://docs.bank.example/ecny/errors#not_found',
    )
  })

  it('localises standalone actions on a base client too', async () => {
    const base = createBaseClient({
      baseUrl: h.client.baseUrl,
      credentials: h.credentials as never,
      now: () => h.rails.clock.now(),
      locale: 'zh-CN',
    })
    const error = await rejectionOf(getWallet(base, { walletId: '0099000000009999' }))
    expect(error.code).toBe('not_found')
    expect(error.shortMessage).toMatch(chinese)
  })
})

describe('an en client', () => {
  it('keeps the English messages and the en docs page', async () => {
    const client = h.clientWith({ credentials: h.credentials, locale: 'en' })
    const walletId = await h.openFunded(1_000)
    const order = createQrOrder(h, 1_001)
    const error = await rejectionOf(payOrder(client, { orderId: order.id, walletId }))
    expect(error).toBeInstanceOf(EcnyError)
    expect(error.shortMessage).not.toMatch(chinese)
    expect(error.shortMessage).toContain('¥10.00')
    expect(error.docsUrl).toBe('https://ecny-sdk.dev/docs/errors#insufficient_funds')
    expect(error.message).toContain('Docs: https://ecny-sdk.dev/docs/errors#insufficient_funds')
  })
})

describe('the default locale', () => {
  it('follows the environment: LANG=zh_CN.UTF-8 gives Chinese errors', async () => {
    vi.stubEnv('LC_ALL', '')
    vi.stubEnv('LC_MESSAGES', '')
    vi.stubEnv('LANG', 'zh_CN.UTF-8')
    const client = h.clientWith({ credentials: h.credentials })
    const error = await rejectionOf(client.wallets.get({ walletId: '0099000000009999' }))
    expect(error.shortMessage).toMatch(chinese)
    expect(error.docsUrl).toBe('https://ecny-sdk.dev/docs/zh/errors#not_found')
  })

  it('is English elsewhere', async () => {
    vi.stubEnv('LC_ALL', '')
    vi.stubEnv('LC_MESSAGES', '')
    vi.stubEnv('LANG', 'en_US.UTF-8')
    const client = h.clientWith({ credentials: h.credentials })
    const error = await rejectionOf(client.wallets.get({ walletId: '0099000000009999' }))
    expect(error.shortMessage).not.toMatch(chinese)
    expect(error.docsUrl).toBe('https://ecny-sdk.dev/docs/errors#not_found')
  })
})

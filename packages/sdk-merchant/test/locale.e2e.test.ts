import { rejectionOf, useMerchantRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'

const h = useMerchantRails()
const chinese = /[\u4e00-\u9fff]/

describe('a zh-CN merchant client', () => {
  it('reads the gateway refusing a duplicate merchant order number in Chinese, with the zh docs page', async () => {
    const client = h.clientWith({ locale: 'zh-CN' })
    const order = { mode: 'qr', merchantOrderNo: 'ZH-1', amount: 1_250, description: '拿铁' } as const
    await client.orders.create(order)
    const error = await rejectionOf(client.orders.create({ ...order, amount: 1_300 }))
    expect(error.code).toMatch(/duplicate_merchant_order_no|idempotency_conflict|conflict/)
    expect(error.shortMessage).toMatch(chinese)
    expect(error.requestId).toMatch(/\S/)
    expect(error.message).toContain(`请求编号：${error.requestId}`)
    expect(error.docsUrl).toBe(`https://ecny-sdk.dev/docs/zh/errors#${error.code}`)
  })

  it('names the bad field in Chinese when the SDK refuses the order before sending', async () => {
    const client = h.clientWith({ locale: 'zh-CN', docsBaseUrl: 'https://docs.bank.example/ecny/' })
    const error = await rejectionOf(
      client.orders.create({ mode: 'qr', merchantOrderNo: 'ZH-2', amount: -5, description: 'Tea' }),
    )
    expect(error.code).toBe('invalid_request')
    expect(error.shortMessage).toMatch(chinese)
    expect(error.shortMessage).toContain('amount')
    expect(error.docsUrl).toBe('https://docs.bank.example/ecny/zh/errors#invalid_request')
  })

  it('stays English for an en client', async () => {
    const error = await rejectionOf(h.clientWith({ locale: 'en' }).orders.get({ orderId: 'ord_missing' }))
    expect(error.shortMessage).not.toMatch(chinese)
    expect(error.docsUrl).toBe(`https://ecny-sdk.dev/docs/errors#${error.code}`)
  })
})

import { describe, expect, it } from 'vitest'
import {
  limitsJson,
  orderJson,
  useInlineGateway,
  walletJson,
} from '../../../test/e2e/support/inlineGateway.js'
import { errorJson } from '../../../test/fakeGateway.js'
import { maskWalletId } from '../../log/mask.js'
import { createTransfer } from '../transfers/createTransfer.js'
import { payOrder } from './payOrder.js'

const gateway = useInlineGateway()
const walletId = '0099000000000001'
const paths = () => gateway.seen.map((request) => `${request.method} ${request.path}`)

describe('payOrder pre-check', () => {
  it('reads the order and the limits, then pays with the wallet id only', async () => {
    gateway.on('GET /v1/orders/ord_1', { json: orderJson('ord_1', 'created', 200_000) })
    gateway.on(`GET /v1/wallets/${walletId}/limits`, { json: limitsJson(walletId) })
    gateway.on('POST /v1/orders/ord_1/pay', { json: orderJson('ord_1', 'succeeded', 200_000) })
    const order = await payOrder(gateway.client(), { orderId: 'ord_1', walletId })
    expect(order.status).toBe('succeeded')
    expect(paths()).toEqual([
      'GET /v1/orders/ord_1',
      `GET /v1/wallets/${walletId}/limits`,
      'POST /v1/orders/ord_1/pay',
    ])
    expect(gateway.seen[2]!.body).toEqual({ walletId })
  })

  it('uses the amount the holder saw without reading the order', async () => {
    gateway.on(`GET /v1/wallets/${walletId}/limits`, { json: limitsJson(walletId) })
    gateway.on('POST /v1/orders/ord_1/pay', { json: orderJson('ord_1', 'succeeded') })
    await payOrder(gateway.client(), { orderId: 'ord_1', walletId, amount: 1_250 })
    expect(paths()).toEqual([`GET /v1/wallets/${walletId}/limits`, 'POST /v1/orders/ord_1/pay'])
  })

  it('refuses over the single cap and sends no payment', async () => {
    gateway.on('GET /v1/orders/ord_1', { json: orderJson('ord_1', 'created', 200_001) })
    gateway.on(`GET /v1/wallets/${walletId}/limits`, { json: limitsJson(walletId) })
    await expect(payOrder(gateway.client(), { orderId: 'ord_1', walletId })).rejects.toMatchObject({
      code: 'limit_exceeded',
      details: {
        cap: 'single',
        limit: 200_000,
        used: 0,
        headroom: 200_000,
        walletId: maskWalletId(walletId),
      },
    })
    expect(paths()).not.toContain('POST /v1/orders/ord_1/pay')
  })

  it('refuses more than the balance as insufficient_funds', async () => {
    gateway.on(`GET /v1/wallets/${walletId}/limits`, { json: limitsJson(walletId, { balance: 500 }) })
    await expect(
      payOrder(gateway.client(), { orderId: 'ord_1', walletId, amount: 501 }),
    ).rejects.toMatchObject({
      code: 'insufficient_funds',
      details: { available: 500, shortfall: 1 },
    })
    expect(paths()).toHaveLength(1)
  })

  it('skips the pre-check with precheck: false (the gateway still decides)', async () => {
    gateway.on('POST /v1/orders/ord_1/pay', {
      status: 422,
      json: errorJson('limit_exceeded', 'over the single cap'),
    })
    await expect(
      payOrder(gateway.client(), { orderId: 'ord_1', walletId, amount: 999_999, precheck: false }),
    ).rejects.toMatchObject({ code: 'limit_exceeded' })
    expect(paths()).toEqual(['POST /v1/orders/ord_1/pay'])
  })

  it('falls back to the default table (and its overrides) when the gateway has no limits', async () => {
    gateway.on(`GET /v1/wallets/${walletId}`, { json: walletJson(walletId, 'WL03') })
    gateway.on(`GET /v1/wallets/${walletId}/balance`, {
      json: { walletId, available: 10_000_000, currency: 'CNY', asOf: '2025-01-01T09:00:00+08:00' },
    })
    const error = await payOrder(gateway.client(), { orderId: 'ord_1', walletId, amount: 500_001 }).catch(
      (e) => e,
    )
    expect(error).toMatchObject({
      code: 'limit_exceeded',
      details: { cap: 'single', limit: 500_000, level: 'WL03', limitsSource: 'defaults' },
    })
    const overridden = await payOrder(gateway.client(), {
      orderId: 'ord_1',
      walletId,
      amount: 300_001,
      limitDefaults: { WL03: { single: 300_000 } },
    }).catch((e) => e)
    expect(overridden).toMatchObject({ details: { cap: 'single', limit: 300_000 } })
    expect(paths()).not.toContain('POST /v1/orders/ord_1/pay')
  })

  it('validates before anything is sent', async () => {
    await expect(payOrder(gateway.client(), { orderId: '../admin', walletId })).rejects.toMatchObject({
      code: 'invalid_request',
    })
    await expect(
      payOrder(gateway.client(), { orderId: 'ord_1', walletId, amount: 1.5 }),
    ).rejects.toMatchObject({
      code: 'invalid_request',
    })
    expect(gateway.seen).toHaveLength(0)
  })
})

describe('createTransfer pre-check', () => {
  const toWalletId = '0099000000000002'
  it('checks the sender against today’s usage and sends the transfer body only', async () => {
    gateway.on(`GET /v1/wallets/${walletId}/limits`, {
      json: limitsJson(walletId, { used: { today: 450_000, thisYear: 450_000 } }),
    })
    await expect(
      createTransfer(gateway.client(), { fromWalletId: walletId, toWalletId, amount: 50_001 }),
    ).rejects.toMatchObject({ code: 'limit_exceeded', details: { cap: 'daily', headroom: 50_000 } })
    expect(paths()).toEqual([`GET /v1/wallets/${walletId}/limits`])

    gateway.on('POST /v1/transfers', ({ body }) => ({
      json: {
        id: 'trf_1',
        ...(body as object),
        currency: 'CNY',
        status: 'succeeded',
        createdAt: '2025-01-01T09:00:00+08:00',
      },
    }))
    const sent = await createTransfer(gateway.client(), {
      fromWalletId: walletId,
      toWalletId,
      amount: 50_000,
      memo: 'hi',
    })
    expect(sent.amount).toBe(50_000)
    expect(gateway.seen.at(-1)!.body).toEqual({
      fromWalletId: walletId,
      toWalletId,
      amount: 50_000,
      memo: 'hi',
    })
  })

  it('refuses a transfer to the same wallet locally', async () => {
    await expect(
      createTransfer(gateway.client(), { fromWalletId: walletId, toWalletId: walletId, amount: 1 }),
    ).rejects.toMatchObject({ code: 'invalid_request', details: { issues: [{ path: 'toWalletId' }] } })
    expect(gateway.seen).toHaveLength(0)
  })
})

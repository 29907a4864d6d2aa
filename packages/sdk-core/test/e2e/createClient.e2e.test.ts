import { testCard, useWalletRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import { createBaseClient } from '../../src/client/createBaseClient.js'
import * as sdk from '../../src/index.js'
import { useInlineGateway, walletJson } from './support/inlineGateway.js'

describe('createClient', () => {
  const h = useWalletRails()

  it('binds every wallet-side action in its namespace', () => {
    const shape = (value: object): unknown =>
      Object.fromEntries(
        Object.entries(value).map(([key, member]) => [
          key,
          typeof member === 'function' ? 'fn' : shape(member),
        ]),
      )
    const { wallets, payments, transfers, campaigns, clientTokens } = h.client
    expect(shape({ wallets, payments, transfers, campaigns, clientTokens })).toEqual({
      wallets: {
        open: 'fn',
        get: 'fn',
        balance: 'fn',
        limits: 'fn',
        upgrade: 'fn',
        close: 'fn',
        topUp: 'fn',
        redeem: 'fn',
        transactions: 'fn',
        subWallets: { push: 'fn', list: 'fn', revoke: 'fn' },
      },
      payments: {
        resolveQr: 'fn',
        pay: 'fn',
        createPaymentCode: 'fn',
        watchPaymentCode: 'fn',
        get: 'fn',
        waitForFinal: 'fn',
      },
      transfers: { create: 'fn', get: 'fn', list: 'fn' },
      campaigns: { eligible: 'fn', claim: 'fn' },
      clientTokens: { create: 'fn' },
    })
    expect(h.client.baseUrl).toBe('https://rails.test')
    expect(typeof h.client.request).toBe('function')
  })

  it('the bound methods and the standalone actions act on the same gateway', async () => {
    const walletId = await h.openFunded(0)
    await sdk.topUpWallet(h.client, { walletId, amount: 700, bankCard: testCard })
    await h.client.wallets.topUp({ walletId, amount: 300, bankCard: testCard })
    expect(await sdk.getBalance(h.client, { walletId })).toMatchObject({ available: 1_000 })
    const base = createBaseClient({ baseUrl: 'https://rails.test', credentials: h.credentials as never })
    const decorated = { ...base, ...sdk.walletActions(base) }
    expect(await decorated.wallets.balance({ walletId })).toMatchObject({ available: 1_000 })
  })

  it('exports every action with its parameter and return types from the package entry', () => {
    const actions = [
      'openWallet',
      'getWallet',
      'getBalance',
      'getWalletLimits',
      'upgradeWallet',
      'closeWallet',
      'topUpWallet',
      'redeemFromWallet',
      'listWalletTransactions',
      'pushSubWallet',
      'listSubWallets',
      'revokeSubWallet',
      'resolveQr',
      'payOrder',
      'createPaymentCode',
      'watchPaymentCode',
      'getOrder',
      'waitForFinal',
      'createTransfer',
      'getTransfer',
      'listTransfers',
      'listEligibleCampaigns',
      'claimReward',
      'createClientToken',
      'createClient',
      'checkLimits',
    ]
    for (const name of actions) expect(typeof (sdk as Record<string, unknown>)[name], name).toBe('function')
    const typed: sdk.PayOrderParameters = { orderId: 'ord_1', walletId: '0099000000000001', precheck: false }
    expect(typed.precheck).toBe(false)
  })
})

describe('createClient limitDefaults', () => {
  const gateway = useInlineGateway()

  it('uses the client-wide default caps when the gateway reports no limits', async () => {
    const walletId = '0099000000000001'
    gateway.on(`GET /v1/wallets/${walletId}`, { json: walletJson(walletId, 'WL03') })
    gateway.on(`GET /v1/wallets/${walletId}/balance`, {
      json: { walletId, available: 10_000_000, currency: 'CNY', asOf: '2025-01-01T09:00:00+08:00' },
    })
    const client = sdk.createClient({ ...gateway.config(), limitDefaults: { WL03: { single: 100_000 } } })
    await expect(
      client.transfers.create({ fromWalletId: walletId, toWalletId: '0099000000000002', amount: 100_001 }),
    ).rejects.toMatchObject({
      code: 'limit_exceeded',
      details: { cap: 'single', limit: 100_000, limitsSource: 'defaults' },
    })
    // limits (404), then the wallet and its balance for the default table; no transfer sent.
    expect(gateway.seen.map((request) => `${request.method} ${request.path}`).sort()).toEqual([
      `GET /v1/wallets/${walletId}`,
      `GET /v1/wallets/${walletId}/balance`,
      `GET /v1/wallets/${walletId}/limits`,
    ])
  })
})

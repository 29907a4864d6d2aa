/**
 * Issue 15, defect 4: an app registered only for merchant B must not touch merchant A's settlement
 * (or campaign organiser) wallet through the wallet, transfer, client-token or campaign routes.
 */

import { createSignedClient, httpSetup, testCard } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import { validity } from '../campaigns/campaignFixtures.js'

async function twoMerchants() {
  const t = await httpSetup()
  const merchantA = t.merchant
  const settlementA = merchantA.settlementWalletId!
  // Money in A's settlement wallet: a paid order.
  const order = t.engine.createOrder({
    merchantId: merchantA.id,
    merchantOrderNo: 'A-1',
    amount: 50_000,
    description: 'Goods',
    mode: 'qr',
  } as never)
  t.engine.payOrder(order.id, { walletId: t.wallet.id })
  const merchantB = t.rails.seedMerchant({ legalName: '乙方商户有限公司' })
  const appB = await t.rails.createDemoApp({ appId: 'app_merchant_b', merchantIds: [merchantB.id] })
  const clientB = createSignedClient({
    ...appB,
    send: (request) => t.rails.handle(request),
    now: () => t.rails.clock.now(),
  })
  const thief = t.engine.openWallet({ level: 'WL04', mobile: '13600000000' })
  return { ...t, settlementA, clientB, thief, merchantB }
}

const denied = (answer: { status: number; json: unknown }) => {
  expect(answer.status).toBe(403)
  expect(answer.json).toMatchObject({ error: { code: 'permission_denied' } })
}

describe("an app for merchant B and merchant A's settlement wallet", () => {
  it('cannot move money out of it with POST /v1/transfers', async () => {
    const t = await twoMerchants()
    const before = t.engine.getBalance(t.settlementA).available
    denied(
      await t.clientB.call('POST', '/v1/transfers', {
        fromWalletId: t.settlementA,
        toWalletId: t.thief.id,
        amount: 10_000,
      }),
    )
    expect(t.engine.getBalance(t.settlementA).available).toBe(before)
    expect(t.engine.getBalance(t.thief.id).available).toBe(0)
  })

  it('cannot read, redeem from or tag it through the wallet routes', async () => {
    const t = await twoMerchants()
    denied(await t.clientB.call('GET', `/v1/wallets/${t.settlementA}/balance`))
    denied(await t.clientB.call('GET', `/v1/wallets/${t.settlementA}/transactions`))
    denied(
      await t.clientB.call('POST', `/v1/wallets/${t.settlementA}/redemptions`, {
        amount: 1_000,
        bankCard: { number: testCard, holderName: '乙方' },
      }),
    )
    denied(await t.clientB.call('POST', `/v1/wallets/${t.settlementA}/tags`, { tags: ['x'] }))
  })

  it('cannot mint a client token for it', async () => {
    const t = await twoMerchants()
    denied(
      await t.clientB.call('POST', '/v1/client-tokens', { scope: { type: 'wallet', id: t.settlementA } }),
    )
  })

  it('cannot make it the organiser of a campaign, nor run a campaign it organises', async () => {
    const t = await twoMerchants()
    const rule = { type: 'PT04', amount: 100, budget: { count: 5 }, validity, audience: 'payroll' }
    denied(await t.clientB.call('POST', '/v1/campaigns', { rule, organiserWalletId: t.settlementA }))
    const created = t.rails.campaigns.create({ rule, organiserWalletId: t.settlementA })
    denied(await t.clientB.call('POST', `/v1/campaigns/${created.id}/schedule`))
    expect(t.rails.campaigns.get(created.id).status).toBe('draft')
  })

  it("still works for A's own app, and B's app still uses its own settlement wallet", async () => {
    const t = await twoMerchants()
    const own = await t.client.call('POST', '/v1/transfers', {
      fromWalletId: t.settlementA,
      toWalletId: t.thief.id,
      amount: 1_000,
    })
    expect(own.status).toBe(200)
    const b = await t.clientB.call('GET', `/v1/wallets/${t.merchantB.settlementWalletId}/balance`)
    expect(b.status).toBe(200)
  })
})

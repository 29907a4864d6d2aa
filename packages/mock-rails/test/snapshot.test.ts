import { describe, expect, it } from 'vitest'
import { createRails } from '../src/createRails.js'
import { card, testRails } from './helpers/fixtures.js'
import { createSignedClient } from './helpers/signedClient.js'

describe('snapshot and restore', () => {
  it('round-trips through JSON: balances, orders, apps, keys, clock and pending notifications', async () => {
    const { rails, engine, merchant } = testRails()
    const app = await rails.createDemoApp({ merchantIds: [merchant.id] })
    const wallet = engine.openWallet({ level: 'WL04', mobile: '13800138000' })
    engine.topUp(wallet.id, { amount: 5_000, bankCard: card })
    const order = engine.createOrder({
      merchantId: merchant.id,
      merchantOrderNo: 'S1',
      amount: 700,
      description: 'x',
      mode: 'qr',
    })
    engine.payOrder(order.id, { walletId: wallet.id })
    const jwks = await rails.jwks()
    const saved = JSON.parse(JSON.stringify(rails.snapshot()))

    const copy = createRails({ state: saved })
    expect(copy.engine.getBalance(wallet.id).available).toBe(4_300)
    expect(copy.engine.getOrder(order.id)).toEqual(engine.getOrder(order.id))
    expect(copy.clock.now()).toBe(rails.clock.now())
    expect(await copy.jwks()).toEqual(jwks)
    expect(copy.notifications.pendingCount()).toBe(1)
    expect(copy.ledger.verify().ok).toBe(true)
    const client = createSignedClient({ ...app, send: (r) => copy.handle(r), now: () => copy.clock.now() })
    expect((await client.call('GET', `/v1/orders/${order.id}`)).status).toBe(200)
    // ids continue where they left off
    expect(copy.engine.openWallet({ level: 'WL04', mobile: '13900139000' }).id).not.toBe(wallet.id)

    engine.topUp(wallet.id, { amount: 1, bankCard: card })
    rails.restore(saved)
    expect(engine.getBalance(wallet.id).available).toBe(4_300)
  })
})

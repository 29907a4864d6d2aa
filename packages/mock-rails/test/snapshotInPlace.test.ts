/**
 * `restore()` puts the rails back in place: every handle a user took from `rails` before — its
 * notification outbox, engine, campaigns, merchant domain, clock, ledger — keeps working and shows
 * the restored state, not the state it had when it was taken.
 */

import { testCard, testRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'

describe('restore works in place', () => {
  it('a held rails.notifications sees the restored notifications, and delivers them', async () => {
    const { rails, engine, merchant } = testRails()
    const notifications = rails.notifications
    const wallet = engine.openWallet({ level: 'WL04', mobile: '13800138000' })
    engine.topUp(wallet.id, { amount: 5_000, bankCard: testCard })
    const pay = (merchantOrderNo: string) => {
      const order = engine.createOrder({
        merchantId: merchant.id,
        merchantOrderNo,
        amount: 700,
        description: 'x',
        mode: 'qr',
      })
      return engine.payOrder(order.id, { walletId: wallet.id })
    }
    const first = pay('KEEP-1')
    const saved = JSON.parse(JSON.stringify(rails.snapshot()))
    const atSnapshot = notifications.list()
    expect(atSnapshot).toHaveLength(1)

    pay('LOSE-1')
    pay('LOSE-2')
    expect(notifications.pendingCount()).toBe(3)
    rails.restore(saved)

    expect(notifications.list()).toEqual(atSnapshot)
    expect(notifications.pendingCount()).toBe(1)
    expect(notifications.export()).toEqual(rails.notifications.export())
    // The held handle is the one the rails use: what the engine raises next arrives in it.
    pay('AFTER-1')
    expect(notifications.pendingCount()).toBe(2)
    expect(notifications.list().map((n) => (n.data as { id: string }).id)[0]).toBe(first.id)
  })

  it('every other handle taken from rails stays the live one', () => {
    const { rails, engine } = testRails()
    const held = {
      engine: rails.engine,
      campaigns: rails.campaigns,
      merchantDomain: rails.merchantDomain,
      clock: rails.clock,
      ledger: rails.ledger,
      merchants: rails.merchants,
      notifications: rails.notifications,
    }
    const saved = rails.snapshot()
    const wallet = engine.openWallet({ level: 'WL04', mobile: '13800138000' })
    rails.restore(saved)
    expect(() => held.engine.getWallet(wallet.id)).toThrow(/not found|No wallet/i)
    for (const [name, handle] of Object.entries(held))
      expect(rails[name as keyof typeof held], name).toBe(handle)
  })
})

import { walletLimits } from '@ecny/protocol'
import { errorOf, openWl04, testCard, testRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'

/** WL04 defaults in fen: balance 1,000,000 / single 200,000 / daily 500,000 / annual 5,000,000. */
function setup(start = '2025-03-10T02:00:00Z') {
  const t = testRails({ clock: { start } })
  const payer = openWl04(t.rails)
  const merchantWallet = t.merchant.settlementWalletId!
  const receiver = openWl04(t.rails, '13900139000')
  let orders = 0
  const pay = (amount: number) => {
    const order = t.engine.createOrder({
      merchantId: t.merchant.id,
      merchantOrderNo: `O${++orders}`,
      amount,
      description: 'x',
      mode: 'qr',
    })
    return t.engine.payOrder(order.id, { walletId: payer.id })
  }
  return { ...t, payer, receiver, merchantWallet, pay }
}

describe('WL04 caps at their boundaries', () => {
  it('balance: exactly at the cap passes, one fen over fails naming the cap', () => {
    const { engine, payer, rails } = setup()
    engine.topUp(payer.id, { amount: 999_999, bankCard: testCard })
    engine.topUp(payer.id, { amount: 1, bankCard: testCard })
    const error = errorOf(() => engine.topUp(payer.id, { amount: 1, bankCard: testCard }))
    expect(error).toMatchObject({ code: 'limit_exceeded', status: 422 })
    expect(error.details).toMatchObject({ cap: 'balance', limit: 1_000_000, used: 1_000_000, headroom: 0 })
    // incoming transfers respect it too
    const other = openWl04(rails, '13600136000')
    engine.topUp(other.id, { amount: 10, bankCard: testCard })
    expect(
      errorOf(() => engine.createTransfer({ fromWalletId: other.id, toWalletId: payer.id, amount: 1 }))
        .details,
    ).toMatchObject({
      cap: 'balance',
    })
  })

  it('single: 200,000 passes, 200,001 fails', () => {
    const { engine, payer, pay } = setup()
    engine.topUp(payer.id, { amount: 1_000_000, bankCard: testCard })
    expect(pay(200_000).status).toBe('succeeded')
    expect(errorOf(() => pay(200_001)).details).toMatchObject({ cap: 'single', limit: 200_000 })
  })

  it('daily: 500,000 in a day passes, one more fen fails with headroom 0', () => {
    const { engine, payer, pay, receiver } = setup()
    engine.topUp(payer.id, { amount: 1_000_000, bankCard: testCard })
    pay(200_000)
    pay(200_000)
    engine.createTransfer({ fromWalletId: payer.id, toWalletId: receiver.id, amount: 99_999 })
    pay(1)
    const error = errorOf(() => pay(1))
    expect(error.details).toMatchObject({ cap: 'daily', limit: 500_000, used: 500_000, headroom: 0 })
    expect(engine.getLimits(payer.id).used.today).toBe(500_000)
  })

  it('annual: 5,000,000 in a year passes, one more fen fails', () => {
    const { engine, payer, pay, rails } = setup('2025-01-01T00:00:00+08:00')
    for (let day = 0; day < 10; day++) {
      engine.topUp(payer.id, { amount: 500_000, bankCard: testCard })
      pay(200_000)
      pay(200_000)
      pay(100_000)
      rails.clock.advance(86_400_000)
    }
    engine.topUp(payer.id, { amount: 1, bankCard: testCard })
    expect(engine.getLimits(payer.id).used).toEqual({ today: 0, thisYear: 5_000_000 })
    expect(errorOf(() => pay(1)).details).toMatchObject({
      cap: 'annual',
      limit: 5_000_000,
      used: 5_000_000,
      headroom: 0,
    })
  })

  it('insufficient funds is its own error', () => {
    const { engine, payer, pay } = setup()
    engine.topUp(payer.id, { amount: 100, bankCard: testCard })
    expect(errorOf(() => pay(101))).toMatchObject({
      code: 'insufficient_funds',
      details: { available: 100, shortfall: 1 },
    })
  })
})

describe('usage resets by the rails clock in Asia/Shanghai', () => {
  it('daily usage resets at Shanghai midnight (16:00 UTC), not UTC midnight', () => {
    const { engine, payer, pay, rails } = setup('2025-03-10T23:59:00+08:00')
    engine.topUp(payer.id, { amount: 1_000_000, bankCard: testCard })
    pay(200_000)
    pay(200_000)
    pay(100_000)
    const limits = z.parse(walletLimits, engine.getLimits(payer.id))
    expect(limits.dailyResetAt).toBe('2025-03-11T00:00:00.000+08:00')
    expect(limits.used.today).toBe(500_000)
    rails.clock.advance(59_999) // 23:59:59.999
    expect(errorOf(() => pay(1)).details).toMatchObject({ cap: 'daily' })
    rails.clock.advance(1) // 00:00 Shanghai = 16:00 UTC
    expect(engine.getLimits(payer.id).used).toEqual({ today: 0, thisYear: 500_000 })
    expect(pay(1).status).toBe('succeeded')
  })

  it('annual usage resets at 1 January 00:00 Shanghai', () => {
    const { engine, payer, pay, rails } = setup('2025-12-31T23:00:00+08:00')
    engine.topUp(payer.id, { amount: 300_000, bankCard: testCard })
    pay(200_000)
    expect(engine.getLimits(payer.id)).toMatchObject({
      used: { today: 200_000, thisYear: 200_000 },
      annualResetAt: '2026-01-01T00:00:00.000+08:00',
    })
    rails.clock.set('2025-12-31T15:59:59.999Z')
    expect(engine.getLimits(payer.id).used.thisYear).toBe(200_000)
    rails.clock.set('2026-01-01T00:00:00+08:00')
    expect(engine.getLimits(payer.id)).toMatchObject({
      used: { today: 0, thisYear: 0 },
      annualResetAt: '2027-01-01T00:00:00.000+08:00',
    })
  })
})

describe('configurable caps', () => {
  it('levelCaps overrides apply; corporate wallets report null caps', () => {
    const { rails, merchant } = testRails({ levelCaps: { WL04: { single: 100 } } })
    const w = openWl04(rails)
    expect(rails.engine.getLimits(w.id).caps).toEqual({
      balance: 1_000_000,
      single: 100,
      daily: 500_000,
      annual: 5_000_000,
    })
    expect(rails.engine.getLimits(merchant.settlementWalletId!).caps).toEqual({
      balance: null,
      single: null,
      daily: null,
      annual: null,
    })
  })
})

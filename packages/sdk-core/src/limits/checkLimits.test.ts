import { describe, expect, it } from 'vitest'
import { EcnyError } from '../errors/EcnyError.js'
import { checkLimits, type LimitsSnapshot } from './checkLimits.js'
import { ccb2020WalletLimits, defaultWalletLimits, mergeLimitDefaults } from './defaultWalletLimits.js'

const wl04 = (over: Partial<LimitsSnapshot> = {}): LimitsSnapshot => ({
  walletId: '0099000000000001',
  level: 'WL04',
  caps: { ...defaultWalletLimits.WL04.caps },
  used: { today: 0, thisYear: 0 },
  balance: 1_000_000,
  dailyResetAt: '2025-01-02T00:00:00+08:00',
  annualResetAt: '2026-01-01T00:00:00+08:00',
  source: 'gateway',
  ...over,
})

function failure(result: ReturnType<typeof checkLimits>) {
  if (result.ok) throw new Error('expected the check to fail')
  return result.error
}

describe('checkLimits', () => {
  it('allows exactly the single cap and refuses one fen more, naming cap and headroom in yuan', () => {
    expect(checkLimits(wl04(), 200_000)).toEqual({ ok: true, maxAmount: 200_000 })
    const error = failure(checkLimits(wl04(), 200_001))
    expect(error).toBeInstanceOf(EcnyError)
    expect(error.code).toBe('limit_exceeded')
    expect(error.shortMessage).toBe(
      "This payment of ¥2,000.01 is over the wallet's single-payment cap of ¥2,000.00 (WL04). Headroom: ¥2,000.00.",
    )
    expect(error.details).toMatchObject({
      cap: 'single',
      limit: 200_000,
      used: 0,
      headroom: 200_000,
      // Masked: details never carry a full wallet ID.
      walletId: '009900******0001',
    })
  })

  it('checks the daily cap against what was used today, and says when it resets', () => {
    const limits = wl04({ used: { today: 400_000, thisYear: 400_000 } })
    expect(checkLimits(limits, 100_000).ok).toBe(true)
    const error = failure(checkLimits(limits, 100_001, { kind: 'transfer' }))
    expect(error.details).toMatchObject({ cap: 'daily', limit: 500_000, used: 400_000, headroom: 100_000 })
    expect(error.shortMessage).toContain(
      'This transfer of ¥1,000.01 would take the wallet over its daily cap of ¥5,000.00 (WL04)',
    )
    expect(error.shortMessage).toContain('Headroom: ¥1,000.00.')
    expect(error.hint).toContain('2025-01-02T00:00:00+08:00')
    expect(error.hint).toContain('The gateway enforces the same caps.')
  })

  it('checks the annual cap', () => {
    const limits = wl04({ used: { today: 0, thisYear: 4_950_000 } })
    expect(checkLimits(limits, 50_000).ok).toBe(true)
    const error = failure(checkLimits(limits, 50_001))
    expect(error.details).toMatchObject({ cap: 'annual', headroom: 50_000 })
    expect(error.shortMessage).toContain('annual cap of ¥50,000.00')
  })

  it('reports insufficient funds after the caps', () => {
    const error = failure(checkLimits(wl04({ balance: 1_000 }), 1_001))
    expect(error.code).toBe('insufficient_funds')
    expect(error.details).toEqual({
      // Masked: details never carry a full wallet ID.
      walletId: '009900******0001',
      available: 1_000,
      amount: 1_001,
      shortfall: 1,
    })
    expect(checkLimits(wl04({ balance: 1_000 }), 1_000)).toEqual({ ok: true, maxAmount: 1_000 })
  })

  it('checks the balance cap for money coming in', () => {
    const limits = wl04({ balance: 900_000 })
    expect(checkLimits(limits, 100_000, { direction: 'credit' })).toEqual({ ok: true, maxAmount: 100_000 })
    const error = failure(checkLimits(limits, 100_001, { direction: 'credit' }))
    expect(error.details).toMatchObject({
      cap: 'balance',
      limit: 1_000_000,
      used: 900_000,
      headroom: 100_000,
    })
    expect(error.shortMessage).toBe(
      'This top-up of ¥1,000.01 would take the wallet over its balance cap of ¥10,000.00 (WL04): it holds ¥9,000.00. Headroom: ¥1,000.00.',
    )
  })

  it('treats null caps as no cap', () => {
    const open = wl04({
      level: 'WL01',
      caps: { balance: null, single: null, daily: null, annual: null },
      balance: 10 ** 12,
    })
    expect(checkLimits(open, 10 ** 11)).toEqual({ ok: true, maxAmount: 10 ** 12 })
    expect(checkLimits(open, 10 ** 11, { direction: 'credit' })).toEqual({ ok: true, maxAmount: null })
  })

  it('refuses a non-integer or non-positive amount as invalid_request', () => {
    expect(() => checkLimits(wl04(), 12.5)).toThrow(expect.objectContaining({ code: 'invalid_request' }))
    expect(() => checkLimits(wl04(), 0)).toThrow(expect.objectContaining({ code: 'invalid_request' }))
  })
})

describe('default limit table', () => {
  it('carries the DOMAIN.md §2 figures in fen, every cap finite, unconfirmed ones marked', () => {
    expect(defaultWalletLimits.WL04).toMatchObject({
      caps: { balance: 1_000_000, single: 200_000, daily: 500_000, annual: 5_000_000 },
      status: 'confirmed',
    })
    expect(defaultWalletLimits.WL03).toMatchObject({
      caps: { balance: 2_000_000, single: 500_000, daily: 1_000_000, annual: 30_000_000 },
      status: 'unconfirmed',
    })
    expect(defaultWalletLimits.WL02).toMatchObject({
      caps: { balance: 50_000_000, single: 5_000_000, daily: 10_000_000, annual: 50_000_000 },
      unconfirmedCaps: ['annual'],
    })
    expect(defaultWalletLimits.WL01.caps).toEqual({
      balance: 100_000_000,
      single: 10_000_000,
      daily: 20_000_000,
      annual: 100_000_000,
    })
    for (const entry of Object.values(defaultWalletLimits)) {
      for (const cap of Object.values(entry.caps)) expect(cap).toBeGreaterThan(0)
      expect(entry.status === 'confirmed').toBe((entry.unconfirmedCaps ?? []).length === 0)
    }
  })

  it("keeps CCB's 2020 table as the operator-variance example, annual caps on every class", () => {
    expect(ccb2020WalletLimits.WL01).toEqual({
      balance: 50_000_000,
      single: 5_000_000,
      daily: 10_000_000,
      annual: 50_000_000,
    })
    expect(ccb2020WalletLimits.WL04).toEqual({
      balance: 100_000,
      single: 50_000,
      daily: 100_000,
      annual: 1_000_000,
    })
  })

  it('merges overrides cap by cap and marks them', () => {
    const table = mergeLimitDefaults({ WL03: { single: 300_000 } })
    expect(table.WL03).toMatchObject({
      caps: { single: 300_000, daily: 1_000_000 },
      source: 'override',
      status: 'unconfirmed',
    })
    expect(table.WL04).toBe(defaultWalletLimits.WL04)
  })
})

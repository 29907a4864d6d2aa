import { describe, expect, it } from 'vitest'
import { EcnyError } from '../../errors/EcnyError.js'
import { rule } from './ruleFixtures.test-helpers.js'
import { transferRewardFor } from './transferRewardFor.js'

const fresh = { today: 0, thisMonth: 0, total: 0 }

describe('transferRewardFor', () => {
  // ABC Suzhou style: 5 points per transfer of at least ¥1, once a day.
  const points = rule({
    type: 'transfer_reward',
    points: 5,
    minTransferAmount: 100,
    perWallet: { perDay: 1 },
  })
  const cash = rule({ type: 'transfer_reward', amount: 88, perWallet: { perDay: 1, perMonth: 4, total: 10 } })

  it('grants the fixed amount and/or points to a qualifying transfer', () => {
    expect(transferRewardFor(points, { transferAmount: 100, usage: fresh })).toEqual({
      granted: true,
      amount: 0,
      points: 5,
    })
    expect(transferRewardFor(cash, { transferAmount: 1, usage: fresh })).toEqual({
      granted: true,
      amount: 88,
      points: 0,
    })
  })

  it('refuses a transfer below the minimum', () => {
    expect(transferRewardFor(points, { transferAmount: 99, usage: fresh })).toMatchObject({
      granted: false,
      reason: 'below_minimum',
    })
  })

  it('names the cap that stops the reward', () => {
    const at = (today: number, thisMonth: number, total: number) =>
      transferRewardFor(cash, { transferAmount: 500, usage: { today, thisMonth, total } })
    expect(at(1, 1, 1)).toMatchObject({ granted: false, reason: 'claim_cap_reached', cap: 'perDay' })
    expect(at(0, 4, 4)).toMatchObject({ cap: 'perMonth' })
    expect(at(1, 4, 10)).toMatchObject({ cap: 'total' })
    expect(at(0, 3, 9)).toMatchObject({ granted: true })
  })

  it('refuses when the budget cannot pay a whole reward', () => {
    expect(
      transferRewardFor(cash, { transferAmount: 500, usage: fresh, budgetLeft: { amount: 87 } }),
    ).toMatchObject({
      reason: 'budget_exhausted',
    })
    expect(
      transferRewardFor(cash, { transferAmount: 500, usage: fresh, budgetLeft: { count: 0 } }),
    ).toMatchObject({
      reason: 'budget_exhausted',
    })
    expect(
      transferRewardFor(cash, { transferAmount: 500, usage: fresh, budgetLeft: { amount: 88, count: 1 } })
        .granted,
    ).toBe(true)
  })

  it('rejects a transfer amount that is not whole fen', () => {
    expect(() => transferRewardFor(cash, { transferAmount: 1.5, usage: fresh })).toThrow(EcnyError)
  })
})

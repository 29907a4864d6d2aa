import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EcnyError } from '../../errors/EcnyError.js'
import { benefitFor, type OrderBenefitRule } from './benefitFor.js'
import { rule } from './ruleFixtures.test-helpers.js'

const tiers = rule({
  type: 'PT03',
  tiers: [
    { threshold: 4000, discount: 1000 },
    { threshold: 20000, discount: 5000 },
    { threshold: 8000, discount: 2000 },
  ],
})

describe('benefitFor', () => {
  it('PT03 满减: the best tier the order reaches applies', () => {
    expect(benefitFor(tiers, { orderAmount: 3999 })).toEqual({
      discount: 0,
      payable: 3999,
      points: 0,
      qualified: false,
    })
    expect(benefitFor(tiers, { orderAmount: 4000 })).toEqual({
      discount: 1000,
      payable: 3000,
      points: 0,
      qualified: true,
    })
    expect(benefitFor(tiers, { orderAmount: 9900 }).discount).toBe(2000)
    expect(benefitFor(tiers, { orderAmount: 20000 }).discount).toBe(5000)
    expect(benefitFor(tiers, { orderAmount: 1_000_000 }).discount).toBe(5000)
  })

  it('PT01 red envelope: fixed, or the claimant’s split share; the wallet still pays 1 fen', () => {
    const fixed = rule({ type: 'PT01', amount: 20000 })
    expect(benefitFor(fixed, { orderAmount: 5000 })).toMatchObject({ discount: 4999, payable: 1 })
    expect(benefitFor(fixed, { orderAmount: 30000 })).toMatchObject({ discount: 20000, payable: 10000 })
    const split = rule({ type: 'PT01', split: { total: 100_000, count: 50 } })
    expect(benefitFor(split, { orderAmount: 10_000, share: 1234 }).discount).toBe(1234)
    expect(() => benefitFor(split, { orderAmount: 10_000 })).toThrow(/needs the claimant’s share/)
  })

  it('PT02 voucher: face value from the minimum spend', () => {
    const voucher = rule({ type: 'PT02', faceValue: 5000, minSpend: 10000 })
    expect(benefitFor(voucher, { orderAmount: 9999 }).qualified).toBe(false)
    expect(benefitFor(voucher, { orderAmount: 10000 }).discount).toBe(5000)
    const noThreshold = rule({ type: 'PT02', faceValue: 5000 })
    expect(benefitFor(noThreshold, { orderAmount: 300 })).toMatchObject({ discount: 299, payable: 1 })
    expect(benefitFor(noThreshold, { orderAmount: 1 })).toMatchObject({
      discount: 0,
      payable: 1,
      qualified: true,
    })
  })

  it('PT04 立减: fixed, or a percentage floored to the fen with a cap', () => {
    expect(benefitFor(rule({ type: 'PT04', amount: 500 }), { orderAmount: 2000 }).discount).toBe(500)
    const percent = rule({ type: 'PT04', basisPoints: 1000, cap: 800 })
    expect(benefitFor(percent, { orderAmount: 1999 }).discount).toBe(199) // 199.9 floored
    expect(benefitFor(percent, { orderAmount: 100_000 }).discount).toBe(800)
  })

  it('PT05 满折: basis points off from the threshold, floored, capped', () => {
    const pct = rule({ type: 'PT05', threshold: 5000, basisPoints: 1500, cap: 3000 })
    expect(benefitFor(pct, { orderAmount: 4999 }).qualified).toBe(false)
    expect(benefitFor(pct, { orderAmount: 5001 }).discount).toBe(750) // 750.15
    expect(benefitFor(pct, { orderAmount: 100_000 }).discount).toBe(3000)
    const uncapped = rule({ type: 'PT05', threshold: 1, basisPoints: 9999 })
    expect(benefitFor(uncapped, { orderAmount: 10_000 }).discount).toBe(9999)
  })

  it('PT06 random discount: within [min, max], the same for the same seed', () => {
    const random = rule({ type: 'PT06', min: 1, max: 888, minSpend: 100 })
    expect(benefitFor(random, { orderAmount: 99, seed: 'o-1' }).qualified).toBe(false)
    const seen = new Set<number>()
    for (let i = 0; i < 500; i++) {
      const { discount } = benefitFor(random, { orderAmount: 100_000, seed: `order-${i}` })
      expect(discount).toBeGreaterThanOrEqual(1)
      expect(discount).toBeLessThanOrEqual(888)
      expect(benefitFor(random, { orderAmount: 100_000, seed: `order-${i}` }).discount).toBe(discount)
      seen.add(discount)
    }
    expect(seen.size).toBeGreaterThan(200)
    expect(() => benefitFor(random, { orderAmount: 1000 })).toThrow(/needs a seed/)
  })

  it('PT07 points: points from the minimum spend, no discount', () => {
    const points = rule({ type: 'PT07', points: 5, minSpend: 1000 })
    expect(benefitFor(points, { orderAmount: 1000 })).toEqual({
      discount: 0,
      payable: 1000,
      points: 5,
      qualified: true,
    })
    expect(benefitFor(points, { orderAmount: 999 })).toMatchObject({ points: 0, qualified: false })
  })

  it('never lets the wallet pay less than 1 fen, for any rule and amount', () => {
    const rules: OrderBenefitRule[] = [
      tiers,
      rule({ type: 'PT01', amount: 1_000_000 }),
      rule({ type: 'PT04', basisPoints: 10_000, cap: 1_000_000 }),
      rule({ type: 'PT06', min: 1, max: 1_000_000 }),
    ]
    fc.assert(
      fc.property(
        fc.constantFrom(...rules),
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.string(),
        (r, orderAmount, seed) => {
          const result = benefitFor(r, { orderAmount, seed: `s${seed}` })
          expect(result.payable).toBeGreaterThanOrEqual(1)
          expect(result.discount).toBeGreaterThanOrEqual(0)
          expect(result.discount + result.payable).toBe(orderAmount)
          expect(Number.isInteger(result.discount)).toBe(true)
        },
      ),
    )
  })

  it('rejects amounts that are not whole fen, and transfer rules', () => {
    for (const orderAmount of [0, -5, 12.5, Number.NaN]) {
      expect(() => benefitFor(tiers, { orderAmount })).toThrow(EcnyError)
    }
    const transfer = rule({ type: 'transfer_reward', points: 5 })
    expect(() => benefitFor(transfer as never, { orderAmount: 100 })).toThrow(/use transferRewardFor/)
  })
})

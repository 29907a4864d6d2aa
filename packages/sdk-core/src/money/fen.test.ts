import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addFen, allocateFen, assertFen, multiplyFen, percentOfFen, subtractFen } from './fen.js'

const invalid = expect.objectContaining({ code: 'invalid_request' })
const MAX = Number.MAX_SAFE_INTEGER

describe('assertFen', () => {
  it('accepts safe integers and rejects everything else, naming the field', () => {
    expect(() => assertFen(0)).not.toThrow()
    expect(() => assertFen(-MAX)).not.toThrow()
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX + 1, '12', null, undefined, 12n]) {
      expect(() => assertFen(bad, 'order.amount')).toThrow(invalid)
      expect(() => assertFen(bad, 'order.amount')).toThrow(/order\.amount/)
    }
  })

  it('points string input at parseYuan', () => {
    expect(() => assertFen('12.34')).toThrow(
      expect.objectContaining({ hint: expect.stringContaining('parseYuan') }),
    )
  })
})

describe('addFen / subtractFen / multiplyFen', () => {
  it('computes exactly', () => {
    expect(addFen(1234, 66)).toBe(1300)
    expect(addFen()).toBe(0)
    expect(addFen(1, 2, 3)).toBe(6)
    expect(subtractFen(100, 250)).toBe(-150)
    expect(multiplyFen(5000, 31_171)).toBe(155_855_000)
    expect(Object.is(multiplyFen(0, -5), 0)).toBe(true)
  })

  it('throws on overflow instead of losing fen', () => {
    expect(() => addFen(MAX, 1)).toThrow(invalid)
    expect(() => subtractFen(-MAX, 1)).toThrow(invalid)
    expect(() => multiplyFen(2 ** 30, 2 ** 30)).toThrow(invalid)
    expect(addFen(MAX, -1)).toBe(MAX - 1)
  })

  it('throws on non-integers', () => {
    expect(() => addFen(1, 0.5)).toThrow(/amounts\[1\]/)
    expect(() => subtractFen(1, Number.NaN)).toThrow(invalid)
    expect(() => multiplyFen(100, 1.5)).toThrow(invalid)
  })
})

describe('percentOfFen', () => {
  it('rounds as asked', () => {
    expect(percentOfFen(1234, 600)).toBe(74)
    expect(percentOfFen(25, 5000)).toBe(12)
    expect(percentOfFen(35, 5000)).toBe(18)
    expect(percentOfFen(25, 5000, 'floor')).toBe(12)
    expect(percentOfFen(25, 5000, 'ceil')).toBe(13)
    expect(percentOfFen(-25, 5000, 'floor')).toBe(-13)
    expect(percentOfFen(-25, 5000, 'ceil')).toBe(-12)
    expect(percentOfFen(-25, 5000, 'half_even')).toBe(-12)
    expect(percentOfFen(MAX, 10_000)).toBe(MAX)
  })

  it('rejects bad input and overflow', () => {
    expect(() => percentOfFen(100, 1.5)).toThrow(invalid)
    expect(() => percentOfFen(100, 100, 'round' as 'floor')).toThrow(invalid)
    expect(() => percentOfFen(MAX, 20_000)).toThrow(invalid)
  })

  it('property: result is the exact share rounded to a neighbouring integer', () => {
    const rounding = fc.constantFrom('floor' as const, 'half_even' as const, 'ceil' as const)
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 20_000 }),
        rounding,
        (fen, bp, r) => {
          const result = percentOfFen(fen, bp, r)
          expect(Number.isSafeInteger(result)).toBe(true)
          const exactTimes10k = BigInt(fen) * BigInt(bp)
          const diff = BigInt(result) * 10_000n - exactTimes10k // (result − exact) × 10000
          expect(diff > -10_000n && diff < 10_000n).toBe(true)
          if (r === 'floor') expect(diff <= 0n).toBe(true)
          if (r === 'ceil') expect(diff >= 0n).toBe(true)
          if (r === 'half_even') expect(diff >= -5_000n && diff <= 5_000n).toBe(true)
        },
      ),
    )
  })
})

describe('allocateFen', () => {
  it('splits by largest remainder, ties to the earlier weight', () => {
    expect(allocateFen(100, [1, 1, 1])).toEqual([34, 33, 33])
    expect(allocateFen(1000, [70, 30])).toEqual([700, 300])
    expect(allocateFen(5, [0, 1, 0, 1])).toEqual([0, 3, 0, 2])
    expect(allocateFen(-100, [1, 1, 1])).toEqual([-34, -33, -33])
    expect(allocateFen(0, [1, 2])).toEqual([0, 0])
    expect(allocateFen(MAX, [MAX, MAX])).toEqual([(MAX + 1) / 2, (MAX - 1) / 2])
  })

  it('rejects empty, negative, fractional or all-zero weights', () => {
    expect(() => allocateFen(100, [])).toThrow(invalid)
    expect(() => allocateFen(100, [0, 0])).toThrow(invalid)
    expect(() => allocateFen(100, [1, -1])).toThrow(/weights\[1\]/)
    expect(() => allocateFen(100, [0.5])).toThrow(invalid)
    expect(() => allocateFen(1.5, [1])).toThrow(invalid)
  })

  it('property: parts sum to the total and each is within 1 fen of its exact share', () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger(),
        fc
          .array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 20 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocateFen(total, weights)
          expect(parts).toHaveLength(weights.length)
          expect(parts.reduce((a, b) => a + BigInt(b), 0n)).toBe(BigInt(total))
          const sumOfWeights = BigInt(weights.reduce((a, b) => a + b, 0))
          parts.forEach((part, i) => {
            expect(Number.isSafeInteger(part)).toBe(true)
            const diff = BigInt(part) * sumOfWeights - BigInt(total) * BigInt(weights[i]!) // (part − share) × W
            expect(diff > -sumOfWeights && diff < sumOfWeights).toBe(true)
          })
        },
      ),
    )
  })
})

describe('arithmetic property', () => {
  it('never returns a non-integer: it returns a safe integer or throws invalid_request', () => {
    const amount = fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -1e6, max: 1e6 }))
    const ops = [
      (a: number, b: number) => addFen(a, b),
      (a: number, b: number) => subtractFen(a, b),
      (a: number, b: number) => multiplyFen(a, b),
      (a: number, b: number) => percentOfFen(a, b, 'half_even'),
    ]
    fc.assert(
      fc.property(amount, amount, fc.nat({ max: ops.length - 1 }), (a, b, op) => {
        try {
          const result = ops[op]!(a, b)
          expect(Number.isSafeInteger(result)).toBe(true)
          expect(Object.is(result, -0)).toBe(false)
        } catch (error) {
          expect(error).toEqual(invalid)
        }
      }),
    )
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mulDivFloor } from './mulDivFloor.js'

describe('mulDivFloor', () => {
  it('floors exactly, also past 2^53', () => {
    expect(mulDivFloor(1000, 1, 3)).toBe(333)
    expect(mulDivFloor(0, 5, 7)).toBe(0)
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.maxSafeNat(), fc.integer({ min: 1, max: 2 ** 31 }), (a, b, c) => {
        const expected = (BigInt(a) * BigInt(b)) / BigInt(c)
        fc.pre(expected <= BigInt(Number.MAX_SAFE_INTEGER))
        expect(mulDivFloor(a, b, c)).toBe(Number(expected))
      }),
    )
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.integer({ min: 1 }), (a, b, c) => {
        expect(mulDivFloor(a, b, c)).toBe(Number((BigInt(a) * BigInt(b)) / BigInt(c)))
      }),
    )
  })
})

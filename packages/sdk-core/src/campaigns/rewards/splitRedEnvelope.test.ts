import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EcnyError } from '../../errors/EcnyError.js'
import { splitRedEnvelope } from './splitRedEnvelope.js'

describe('splitRedEnvelope', () => {
  it('sums exactly, gives everyone at least 1 fen, and is deterministic per seed', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 1_000_000 })
          .chain((total) => fc.tuple(fc.constant(total), fc.integer({ min: 1, max: Math.min(total, 500) }))),
        fc.string(),
        ([total, count], seed) => {
          const shares = splitRedEnvelope(total, count, seed)
          expect(shares).toHaveLength(count)
          expect(shares.reduce((sum, share) => sum + share, 0)).toBe(total)
          for (const share of shares) {
            expect(Number.isInteger(share)).toBe(true)
            expect(share).toBeGreaterThanOrEqual(1)
          }
          expect(splitRedEnvelope(total, count, seed)).toEqual(shares)
        },
      ),
    )
  })

  it('handles the edges: one share, exactly 1 fen each, a very large total', () => {
    expect(splitRedEnvelope(888, 1, 's')).toEqual([888])
    expect(splitRedEnvelope(5, 5, 's')).toEqual([1, 1, 1, 1, 1])
    const big = splitRedEnvelope(2 ** 32, 3, 's')
    expect(big.reduce((a, b) => a + b, 0)).toBe(2 ** 32)
  })

  it('differs between seeds and treats every position alike', () => {
    expect(splitRedEnvelope(10_000, 10, 'a')).not.toEqual(splitRedEnvelope(10_000, 10, 'b'))
    const firsts = Array.from({ length: 2000 }, (_, i) => splitRedEnvelope(1000, 4, `seed-${i}`))
    const meanAt = (index: number) => firsts.reduce((sum, shares) => sum + shares[index]!, 0) / firsts.length
    for (let index = 0; index < 4; index++) expect(Math.abs(meanAt(index) - 250)).toBeLessThan(15)
  })

  it('rejects a count above the total, with what to do', () => {
    expect(() => splitRedEnvelope(3, 5, 'x')).toThrow(/5 shares cannot each get at least 1 fen out of 3 fen/)
    try {
      splitRedEnvelope(3, 5, 'x')
    } catch (error) {
      expect(error).toBeInstanceOf(EcnyError)
      expect((error as EcnyError).code).toBe('invalid_request')
      expect((error as EcnyError).hint).toMatch(/at most 3/)
    }
  })

  it('rejects amounts that are not whole fen', () => {
    for (const [total, count] of [
      [10.5, 2],
      [0, 1],
      [100, 0],
      [100, 2.5],
      [2 ** 33, 2],
    ] as const) {
      expect(() => splitRedEnvelope(total, count, 's')).toThrow(EcnyError)
    }
    expect(() => splitRedEnvelope(10, 2, 42 as never)).toThrow(EcnyError)
  })
})

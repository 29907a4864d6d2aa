import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addCounter, hasCounter } from './counterRanges.js'

describe('counter ranges', () => {
  it('answer exactly as the set of counters added, in any order, as sorted disjoint ranges', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 80 }), (counters) => {
        const ranges: number[] = []
        const seen = new Set<number>()
        for (const counter of counters) {
          expect(hasCounter(ranges, counter)).toBe(seen.has(counter))
          if (!seen.has(counter)) addCounter(ranges, counter)
          seen.add(counter)
        }
        for (let c = -1; c <= 61; c++) expect(hasCounter(ranges, c)).toBe(seen.has(c))
        // Each range starts after the previous one ends plus a gap: nothing left to merge.
        for (let i = 0; i < ranges.length; i += 2) {
          expect(ranges[i]!).toBeLessThanOrEqual(ranges[i + 1]!)
          if (i > 0) expect(ranges[i]!).toBeGreaterThan(ranges[i - 1]! + 1)
        }
      }),
    )
  })

  it('keep a wallet that taps in order as one range', () => {
    const ranges: number[] = []
    for (let counter = 1; counter <= 1_000; counter++) addCounter(ranges, counter)
    expect(ranges).toEqual([1, 1_000])
    addCounter(ranges, 1_002)
    addCounter(ranges, 1_001)
    expect(ranges).toEqual([1, 1_002])
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sortByCodePoint } from './sortByCodePoint.js'

const codePoints = (s: string) => Array.from(s, (c) => c.codePointAt(0)!)
function byCodePoints(a: string, b: string): number {
  const x = codePoints(a)
  const y = codePoints(b)
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!
  return x.length - y.length
}

describe('sortByCodePoint', () => {
  it('orders by code point, like UTF-8 bytes', () => {
    expect(sortByCodePoint(['b', 'a', '😀', '\uff01'])).toEqual(['a', 'b', '\uff01', '😀'])
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 4 })), (values) => {
        expect(sortByCodePoint(values)).toEqual([...values].sort(byCodePoints))
      }),
    )
  })

  it('does not change its input', () => {
    const input = ['b', 'a']
    sortByCodePoint(input)
    expect(input).toEqual(['b', 'a'])
  })
})

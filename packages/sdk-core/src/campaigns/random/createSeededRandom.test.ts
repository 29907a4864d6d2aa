import { describe, expect, it } from 'vitest'
import { EcnyError } from '../../errors/EcnyError.js'
import { createSeededRandom } from './createSeededRandom.js'
import { seedFromString } from './seedFromString.js'

describe('createSeededRandom', () => {
  it('is deterministic per seed and differs between nearby seeds', () => {
    const first = createSeededRandom('order-1')
    const again = createSeededRandom('order-1')
    const other = createSeededRandom('order-2')
    const a = Array.from({ length: 8 }, () => first.nextUint32())
    expect(Array.from({ length: 8 }, () => again.nextUint32())).toEqual(a)
    expect(Array.from({ length: 8 }, () => other.nextUint32())).not.toEqual(a)
  })

  it('pins the stream, so a change to the generator cannot go unnoticed', () => {
    expect(Array.from(seedFromString(''))).toMatchSnapshot()
    const random = createSeededRandom('ecny')
    expect(Array.from({ length: 4 }, () => random.nextUint32())).toMatchSnapshot()
  })

  it('below(n) stays in range and covers it evenly', () => {
    const random = createSeededRandom('uniform')
    const counts = new Array(10).fill(0)
    for (let i = 0; i < 100_000; i++) counts[random.below(10)]++
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500)
    expect(random.below(1)).toBe(0)
    expect(random.below(2 ** 32)).toBeLessThan(2 ** 32)
  })

  it('rejects bounds it cannot serve', () => {
    const random = createSeededRandom('x')
    for (const bound of [0, -1, 1.5, 2 ** 32 + 1, Number.NaN])
      expect(() => random.below(bound)).toThrow(EcnyError)
    expect(() => createSeededRandom(new Uint32Array(2))).toThrow(EcnyError)
  })
})

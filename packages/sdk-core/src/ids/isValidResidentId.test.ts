import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  computeResidentIdCheckChar,
  isValidResidentId,
  residentIdBirthDateProblem,
} from './isValidResidentId.js'

const digits = (n: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''))
const birthDate = fc
  .date({
    min: new Date('1000-01-01T00:00:00Z'),
    max: new Date(Date.now() - 86_400_000),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10).replaceAll('-', ''))
const validId = fc
  .tuple(digits(6), birthDate, digits(3))
  .map(([area, date, sequence]) => area + date + sequence)
  .map((first17) => first17 + computeResidentIdCheckChar(first17))

describe('computeResidentIdCheckChar', () => {
  it('matches hand-computed examples', () => {
    // 11010520000229123 · weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
    // = 7 + 9 + 0 + 5 + 0 + 20 + 4 + 0 + 0 + 0 + 0 + 18 + 20 + 45 + 8 + 8 + 6 = 150; 150 mod 11 = 7
    // '10X98765432'[7] = '5'
    expect(computeResidentIdCheckChar('11010520000229123')).toBe('5')
    // 44030419900101002 = 28 + 36 + 0 + 15 + 0 + 16 + 2 + 9 + 54 + 0 + 0 + 9 + 0 + 5 + 0 + 0 + 4 = 178
    // 178 mod 11 = 2 → 'X'
    expect(computeResidentIdCheckChar('44030419900101002')).toBe('X')
  })

  it('throws invalid_request without echoing the digits', () => {
    for (const bad of ['1101052000022912', '1101052000022912X', 'abc', 17]) {
      expect(() => computeResidentIdCheckChar(bad as string)).toThrow(
        expect.objectContaining({ code: 'invalid_request' }),
      )
    }
    expect(() => computeResidentIdCheckChar('1101052000022912')).not.toThrow(/1101052000022912/)
  })
})

describe('isValidResidentId', () => {
  it('accepts the examples, including a lowercase x', () => {
    expect(isValidResidentId('110105200002291235')).toBe(true)
    expect(isValidResidentId('44030419900101002X')).toBe(true)
    expect(isValidResidentId('44030419900101002x')).toBe(true)
    expect(isValidResidentId('110105200002291234')).toBe(false)
  })

  it('checks the birth date: a real calendar date of any year, not in the future', () => {
    const withCheck = (first17: string) => first17 + computeResidentIdCheckChar(first17)
    expect(isValidResidentId(withCheck('11010520000229123'))).toBe(true) // 2000 is a leap year
    expect(isValidResidentId(withCheck('11010519000229123'))).toBe(false) // 1900 is not
    expect(isValidResidentId(withCheck('11010520010229123'))).toBe(false)
    expect(isValidResidentId(withCheck('11010519960431123'))).toBe(false)
    expect(isValidResidentId(withCheck('11010519961301123'))).toBe(false)
    expect(isValidResidentId(withCheck('11010519960001123'))).toBe(false)
    // GB 11643 sets no lower bound on the year; the standard's worked example is born in 1880.
    expect(isValidResidentId(withCheck('11010518991231123'))).toBe(true)
    expect(isValidResidentId(withCheck('11010518800101123'))).toBe(true)
    expect(isValidResidentId(withCheck('11010518000229123'))).toBe(false) // 1800 is not a leap year
    expect(residentIdBirthDateProblem(withCheck('11010518800101123'))).toBeUndefined()
    expect(isValidResidentId(withCheck('11010519000101123'))).toBe(true)
  })

  it('compares "today" in China time (UTC+8)', () => {
    const bornOn = (yyyymmdd: string) => {
      const first17 = `110105${yyyymmdd}123`
      return first17 + computeResidentIdCheckChar(first17)
    }
    const today = new Date('2024-03-01T17:00:00Z') // already 2 March 01:00 in Beijing
    expect(isValidResidentId(bornOn('20240302'), { today })).toBe(true)
    expect(isValidResidentId(bornOn('20240303'), { today })).toBe(false)
    expect(residentIdBirthDateProblem(bornOn('20240303'), today)).toContain('future')
    expect(isValidResidentId(bornOn('29990101'))).toBe(false)
  })

  it('property: generated ids are valid', () => {
    fc.assert(fc.property(validId, (id) => isValidResidentId(id)))
  })

  it('property: changing any one character makes a valid id invalid', () => {
    fc.assert(
      fc.property(validId, fc.nat({ max: 17 }), fc.nat({ max: 9 }), (id, position, offset) => {
        const allowed = position === 17 ? '0123456789X' : '0123456789'
        const current = allowed.indexOf(id[position]!)
        const replacement = allowed[(current + 1 + (offset % (allowed.length - 1))) % allowed.length]!
        const changed = id.slice(0, position) + replacement + id.slice(position + 1)
        expect(isValidResidentId(changed)).toBe(false)
      }),
    )
  })

  it('ignores unusable options', () => {
    for (const options of [null, 'x', { today: 'tomorrow' }, { today: new Date(Number.NaN) }]) {
      expect(isValidResidentId('110105200002291235', options as never)).toBe(true)
    }
  })

  it('property: never throws, whatever the input or options', () => {
    fc.assert(
      fc.property(fc.oneof(validId, fc.anything()), fc.anything(), (value, options) => {
        return typeof isValidResidentId(value, options as never) === 'boolean'
      }),
    )
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeUsccCheckChar, isValidUscc, usccPattern } from './isValidUscc.js'

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const symbol = fc.constantFrom(...ALPHABET)
const digit = fc.constantFrom(...'0123456789')
/** First 17 characters of a USCC: 2 symbols, 6 digits (area code), 9 symbols. */
const first17 = fc
  .tuple(
    fc.array(symbol, { minLength: 2, maxLength: 2 }),
    fc.array(digit, { minLength: 6, maxLength: 6 }),
    fc.array(symbol, { minLength: 9, maxLength: 9 }),
  )
  .map((parts) => parts.flat().join(''))
const validUscc = first17.map((prefix) => prefix + computeUsccCheckChar(prefix))

describe('computeUsccCheckChar', () => {
  it('matches hand-computed examples', () => {
    // 91110108MA0000001: values 9 1 1 1 0 1 0 8 M=21 A=10 0 0 0 0 0 0 1
    // weights             1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
    // Σ = 9 + 3 + 9 + 27 + 0 + 26 + 0 + 136 + 420 + 290 + 28 = 948; 948 mod 31 = 18 (930 = 30·31)
    // check = alphabet[(31 − 18) mod 31] = alphabet[13] = 'D'
    expect(computeUsccCheckChar('91110108MA0000001')).toBe('D')
    // 12100000400000000: Σ = 1·1 + 2·3 + 1·9 + 4·20 = 96; 96 mod 31 = 3; alphabet[28] = 'W'
    expect(computeUsccCheckChar('12100000400000000')).toBe('W')
  })

  it('gives 0 when the weighted sum is a multiple of 31', () => {
    expect(computeUsccCheckChar('00000000000000000')).toBe('0')
  })

  it('throws invalid_request for anything but 17 USCC characters', () => {
    for (const bad of ['', '9111010', '91110108MA00000010', '91110108MI0000001', '91A10108MA0000001', 17]) {
      expect(() => computeUsccCheckChar(bad as string)).toThrow(
        expect.objectContaining({ code: 'invalid_request' }),
      )
    }
  })
})

describe('isValidUscc', () => {
  it('accepts the examples and rejects a wrong check character, lowercase and bad letters', () => {
    expect(isValidUscc('91110108MA0000001D')).toBe(true)
    expect(isValidUscc('12100000400000000W')).toBe(true)
    expect(isValidUscc('91110108MA0000001E')).toBe(false)
    expect(isValidUscc('91110108ma0000001d')).toBe(false)
    expect(isValidUscc('91110108MA000000ID')).toBe(false)
    expect(isValidUscc('91110108MA0000001D ')).toBe(false)
  })

  it('property: generated codes are valid and match the shape', () => {
    fc.assert(
      fc.property(validUscc, (code) => {
        expect(usccPattern.test(code)).toBe(true)
        expect(isValidUscc(code)).toBe(true)
      }),
    )
  })

  it('property: changing any one character makes a valid code invalid', () => {
    fc.assert(
      fc.property(validUscc, fc.nat({ max: 17 }), fc.nat({ max: 30 }), (code, position, offset) => {
        const allowed = position >= 2 && position <= 7 ? '0123456789' : ALPHABET
        const current = allowed.indexOf(code[position]!)
        const replacement = allowed[(current + 1 + (offset % (allowed.length - 1))) % allowed.length]!
        const changed = code.slice(0, position) + replacement + code.slice(position + 1)
        expect(changed).not.toBe(code)
        expect(isValidUscc(changed)).toBe(false)
      }),
    )
  })

  it('property: never throws, whatever the input', () => {
    fc.assert(fc.property(fc.anything(), (value) => typeof isValidUscc(value) === 'boolean'))
  })
})

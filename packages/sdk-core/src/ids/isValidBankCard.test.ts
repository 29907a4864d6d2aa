import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeLuhnCheckDigit, isValidBankCard } from './isValidBankCard.js'

describe('isValidBankCard', () => {
  it('matches hand-computed Luhn examples', () => {
    // 622202000000000 → double every second digit from the right, starting with the rightmost:
    // doubled 6→12→3, 2→4, and the zeros; kept 2, 2 and zeros. Σ = 3 + 2 + 4 + 2 + 2 = 13 → check (10 − 3) = 7
    expect(computeLuhnCheckDigit('622202000000000')).toBe('7')
    expect(isValidBankCard('6222020000000007')).toBe(true)
    expect(isValidBankCard('4111111111111111')).toBe(true) // the well-known test card
    expect(isValidBankCard('6222020000000008')).toBe(false)
  })

  it('requires 12–19 digits and nothing else', () => {
    const withCheck = (payload: string) => payload + computeLuhnCheckDigit(payload)
    expect(isValidBankCard(withCheck('62220200000'))).toBe(true) // 12 digits
    expect(isValidBankCard(withCheck('622202000000000000'))).toBe(true) // 19 digits
    expect(isValidBankCard(withCheck('6222020000'))).toBe(false) // 11 digits
    expect(isValidBankCard(`0${withCheck('622202000000000000')}`)).toBe(false) // 20 digits, Luhn-valid
    expect(isValidBankCard('6222 0200 0000 0007')).toBe(false)
    expect(isValidBankCard(6222020000000007)).toBe(false)
  })

  it('computeLuhnCheckDigit rejects non-digit payloads', () => {
    expect(() => computeLuhnCheckDigit('62a2')).toThrow(expect.objectContaining({ code: 'invalid_request' }))
    expect(() => computeLuhnCheckDigit('')).toThrow(expect.objectContaining({ code: 'invalid_request' }))
  })

  const payload = fc
    .integer({ min: 11, max: 18 })
    .chain((n) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`)))

  it('property: exactly one check digit makes a payload valid', () => {
    fc.assert(
      fc.property(payload, (p) => {
        const valid = [...'0123456789'].filter((d) => isValidBankCard(p + d))
        expect(valid).toEqual([computeLuhnCheckDigit(p)])
      }),
    )
  })

  it('property: any single-digit change or adjacent swap of different digits is detected (except 09↔90)', () => {
    fc.assert(
      fc.property(payload, fc.nat(), fc.integer({ min: 1, max: 9 }), (p, at, delta) => {
        const card = p + computeLuhnCheckDigit(p)
        const i = at % card.length
        const changed = card.slice(0, i) + ((Number(card[i]) + delta) % 10) + card.slice(i + 1)
        expect(isValidBankCard(changed)).toBe(false)
        const j = at % (card.length - 1)
        const [a, b] = [card[j]!, card[j + 1]!]
        if (a !== b && a + b !== '09' && a + b !== '90') {
          expect(isValidBankCard(card.slice(0, j) + b + a + card.slice(j + 2))).toBe(false)
        }
      }),
    )
  })

  it('property: never throws, whatever the input', () => {
    fc.assert(fc.property(fc.anything(), (value) => typeof isValidBankCard(value) === 'boolean'))
  })
})

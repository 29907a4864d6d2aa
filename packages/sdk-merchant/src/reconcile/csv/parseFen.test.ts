import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { describeBadFen, parseFen } from './parseFen.js'

describe('parseFen', () => {
  it('parses digit strings exactly', () => {
    expect(parseFen('0')).toBe(0)
    expect(parseFen('1234')).toBe(1234)
    expect(parseFen('007')).toBe(7)
    expect(parseFen('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER)
    fc.assert(fc.property(fc.nat(), (n) => parseFen(String(n)) === n))
  })

  it('refuses anything that is not integer fen', () => {
    for (const bad of ['', '12.34', '-1', '+1', ' 1', '1e3', '0x10', '１２', '9007199254740992', '12,00']) {
      expect(parseFen(bad)).toBeUndefined()
    }
  })

  it('explains the refusal', () => {
    expect(describeBadFen('12.34')).toBe('expected integer fen (no decimal point), got "12.34"')
    expect(describeBadFen('')).toBe('expected integer fen, got an empty value')
    expect(describeBadFen('abc')).toBe('expected integer fen (digits only), got "abc"')
    expect(describeBadFen('99999999999999999')).toBe('amount 99999999999999999 is too large to be exact')
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isValidAreaCode } from './isValidAreaCode.js'

describe('isValidAreaCode', () => {
  it('accepts 6 digits under a province-level code', () => {
    for (const code of ['110000', '110105', '440300', '500101', '650102', '710000', '810000', '820000']) {
      expect(isValidAreaCode(code)).toBe(true)
    }
  })

  it('rejects other prefixes and shapes', () => {
    for (const bad of [
      '100000',
      '190000',
      '240000',
      '830000',
      '990000',
      '000000',
      '11010',
      '1101051',
      '11o105',
      110105,
    ]) {
      expect(isValidAreaCode(bad)).toBe(false)
    }
  })

  it('property: never throws, whatever the input', () => {
    fc.assert(fc.property(fc.anything(), (value) => typeof isValidAreaCode(value) === 'boolean'))
  })
})

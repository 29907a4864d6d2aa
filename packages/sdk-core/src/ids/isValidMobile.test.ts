import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isValidMobile } from './isValidMobile.js'

describe('isValidMobile', () => {
  it.each(['13812341234', '19912345678', '15000000000'])('accepts %s', (value) => {
    expect(isValidMobile(value)).toBe(true)
  })

  it.each([
    '12812341234',
    '1381234123',
    '138123412345',
    '+8613812341234',
    '138 1234 1234',
    '23812341234',
    13812341234,
  ])('rejects %p', (value) => {
    expect(isValidMobile(value)).toBe(false)
  })

  it('property: every 1[3-9] + 9 digits is valid', () => {
    fc.assert(fc.property(fc.stringMatching(/^1[3-9][0-9]{9}$/), (value) => isValidMobile(value)))
  })

  it('property: never throws, whatever the input', () => {
    fc.assert(fc.property(fc.anything(), (value) => typeof isValidMobile(value) === 'boolean'))
  })
})

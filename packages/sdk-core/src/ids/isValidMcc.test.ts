import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isValidMcc } from './isValidMcc.js'

describe('isValidMcc', () => {
  it('accepts exactly 4 digits', () => {
    expect(isValidMcc('5411')).toBe(true)
    expect(isValidMcc('0742')).toBe(true)
    for (const bad of ['541', '54111', '54a1', 5411, '']) expect(isValidMcc(bad)).toBe(false)
  })

  it('property: never throws, whatever the input', () => {
    fc.assert(fc.property(fc.anything(), (value) => typeof isValidMcc(value) === 'boolean'))
  })
})

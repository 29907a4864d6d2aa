import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isValidDeviceId } from './isValidDeviceId.js'

describe('isValidDeviceId', () => {
  it('accepts exactly 8 ASCII letters or digits', () => {
    expect(isValidDeviceId('T0012345')).toBe(true)
    expect(isValidDeviceId('abcdEF12')).toBe(true)
    for (const bad of ['T001234', 'T00123456', 'T-001234', 'T001234 ', 'Ｔ0012345', 12345678]) {
      expect(isValidDeviceId(bad)).toBe(false)
    }
  })

  it('property: never throws, whatever the input', () => {
    fc.assert(fc.property(fc.anything(), (value) => typeof isValidDeviceId(value) === 'boolean'))
  })
})

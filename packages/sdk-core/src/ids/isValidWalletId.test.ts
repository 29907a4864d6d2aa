import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isValidWalletId } from './isValidWalletId.js'

describe('isValidWalletId', () => {
  it('checks the 16-digit shape only', () => {
    expect(isValidWalletId('0022501234565081')).toBe(true)
    expect(isValidWalletId('002250******5081')).toBe(false)
    expect(isValidWalletId('002250123456508')).toBe(false)
    expect(isValidWalletId('00225012345650811')).toBe(false)
    expect(isValidWalletId(22501234565081)).toBe(false)
  })

  it('property: never throws, whatever the input', () => {
    fc.assert(fc.property(fc.anything(), (value) => typeof isValidWalletId(value) === 'boolean'))
  })
})

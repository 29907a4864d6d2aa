import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isValidMobile } from './isValidMobile.js'
import { normalizeMobile } from './normalizeMobile.js'

describe('normalizeMobile', () => {
  it.each([
    ['+8613812341234', '13812341234'],
    ['008613812341234', '13812341234'],
    ['13812341234', '13812341234'],
  ])('%s → %s', (input, output) => {
    expect(normalizeMobile(input)).toBe(output)
  })

  it.each(['+85291234567', '+14155550123', '+8612812341234', '+86138123412', '8613812341234'])(
    'leaves %s as given',
    (value) => {
      expect(normalizeMobile(value)).toBe(value)
    },
  )

  it('property: every mainland number with +86 in front normalises to itself without it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9][0-9]{9}$/), (national) => {
        expect(normalizeMobile(`+86${national}`)).toBe(national)
        expect(isValidMobile(normalizeMobile(`0086${national}`))).toBe(true)
      }),
    )
  })
})

import { describe, expect, it } from 'vitest'
import { compileAudience } from './compileAudience.js'
import { previewEligibility } from './previewEligibility.js'

describe('previewEligibility', () => {
  const audience = compileAudience('payroll & !staff | new_wallet')

  it('says eligible when the customer matches', () => {
    expect(previewEligibility(audience, ['new_wallet', 'staff'])).toEqual({ eligible: true })
  })

  it('names the missing and the excluded tags', () => {
    expect(previewEligibility(audience, ['staff'])).toEqual({
      eligible: false,
      missing: ['payroll', 'new_wallet'],
      excluded: ['staff'],
      reason:
        "Not in the audience 'payroll & !staff | new_wallet': lacks payroll, new_wallet; has excluded staff.",
    })
    expect(previewEligibility(audience, new Set(['payroll', 'staff']))).toMatchObject({
      missing: ['new_wallet'],
      excluded: ['staff'],
    })
  })

  it('looks through negated groups', () => {
    // !(a & !b) is false when a is present and b is absent: a is the excluded tag, b the missing one.
    expect(previewEligibility(compileAudience('!(a & !b)'), ['a'])).toMatchObject({
      missing: ['b'],
      excluded: ['a'],
    })
    // !(a | b) is false because of a alone; b (absent) is no reason.
    expect(previewEligibility(compileAudience('!(a | b) & c'), ['a', 'c'])).toMatchObject({
      missing: [],
      excluded: ['a'],
    })
  })
})

import { describe, expect, it } from 'vitest'
import { compileAudience } from './compileAudience.js'
import { estimateAudience } from './estimateAudience.js'

describe('estimateAudience', () => {
  it('counts matching customers from any iterable', () => {
    const audience = compileAudience('payroll & !staff')
    function* customers() {
      yield { tags: ['payroll'] }
      yield { tags: new Set(['payroll', 'staff']) }
      yield { tags: ['payroll', 'city:suzhou'] }
    }
    expect(estimateAudience(audience, customers())).toEqual({ count: 2, total: 3 })
    expect(estimateAudience(audience, [])).toEqual({ count: 0, total: 0 })
  })
})

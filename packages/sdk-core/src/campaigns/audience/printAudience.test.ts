import { describe, expect, it } from 'vitest'
import { parseAudience } from './parseAudience.js'
import { printAudience } from './printAudience.js'

const canonical = (expression: string) => printAudience(parseAudience(expression))

describe('printAudience', () => {
  it('prints symbols and only the parentheses precedence needs', () => {
    expect(canonical('payroll and not staff or (new_wallet)')).toBe('payroll & !staff | new_wallet')
    expect(canonical('(a | b) & c')).toBe('(a | b) & c')
    expect(canonical('((a & b)) | c')).toBe('a & b | c')
    expect(canonical('not (a or b)')).toBe('!(a | b)')
    expect(canonical('not not a')).toBe('!!a')
    expect(canonical('!(a & b)')).toBe('!(a & b)')
    expect(canonical('代发工资 & city:上海')).toBe('代发工资 & city:上海')
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EcnyError } from '../../errors/EcnyError.js'
import { audienceTree, evaluateNaively, tagPool } from './audienceArbitraries.test-helpers.js'
import { compileAudience } from './compileAudience.js'
import { printAudience } from './printAudience.js'

describe('compileAudience', () => {
  const audience = compileAudience('(payroll | new_wallet) & !staff & (city:suzhou | city:上海)')

  it('lists the tags it mentions and prints canonically', () => {
    expect(audience.tags).toEqual(['payroll', 'new_wallet', 'staff', 'city:suzhou', 'city:上海'])
    expect(audience.source).toBe('(payroll | new_wallet) & !staff & (city:suzhou | city:上海)')
    expect(String(audience)).toBe('(payroll | new_wallet) & !staff & (city:suzhou | city:上海)')
    expect(compileAudience('a and not (b or c)').toString()).toBe('a & !(b | c)')
  })

  it('matches arrays and sets, ignoring tags it does not mention', () => {
    expect(audience.matches(['payroll', 'city:suzhou', 'other'])).toBe(true)
    expect(audience.matches(new Set(['new_wallet', 'city:上海']))).toBe(true)
    expect(audience.matches(['payroll', 'city:suzhou', 'staff'])).toBe(false)
    expect(audience.matches(['payroll'])).toBe(false)
    expect(audience.matches([])).toBe(false)
    expect(audience.matches(new Set())).toBe(false)
    expect(compileAudience('!staff').matches([])).toBe(true)
  })

  it('rejects tags that are neither an array nor a set', () => {
    expect(() => audience.matches('payroll' as never)).toThrow(EcnyError)
    expect(() => audience.matches(null as never)).toThrow(/array or a Set/)
  })

  it('throws expression_syntax for a bad expression', () => {
    expect(() => compileAudience('payroll &')).toThrow(expect.objectContaining({ code: 'expression_syntax' }))
  })

  const padding = Array.from({ length: 30 }, (_, i) => `pad:${i}`)
  const customerTags = fc.subarray([...tagPool, 'unrelated', 'noise:1'])

  it('agrees with a naive evaluator on random expressions and tag sets', () => {
    fc.assert(
      fc.property(audienceTree, fc.array(customerTags, { minLength: 1, maxLength: 8 }), (tree, customers) => {
        const compiled = compileAudience(printAudience(tree))
        for (const tags of customers) {
          const expected = evaluateNaively(tree, new Set(tags))
          expect(compiled.matches(tags)).toBe(expected)
          expect(compiled.matches(new Set(tags))).toBe(expected)
          expect(compiled.matches([...tags, ...padding])).toBe(expected) // long arrays take the indexed path
        }
      }),
      { numRuns: 500 },
    )
  })

  it('agrees with a naive evaluator on wide expressions (13+ tags, chains longer than 3)', () => {
    const wide = fc
      .tuple(
        fc.shuffledSubarray([...tagPool], { minLength: 13 }),
        fc.array(fc.boolean(), { minLength: 18, maxLength: 18 }),
      )
      .map(([tags, negate]) => tags.map((tag, i) => (negate[i] ? `!${tag}` : tag)))
      .chain((terms) =>
        fc
          .array(fc.constantFrom(' & ', ' | '), { minLength: terms.length - 1, maxLength: terms.length - 1 })
          .map((ops) =>
            terms
              .map((term, i) => (i === 0 ? term : `${ops[i - 1]}${i % 4 === 0 ? `(${term})` : term}`))
              .join(''),
          ),
      )
    fc.assert(
      fc.property(wide, fc.array(customerTags, { minLength: 1, maxLength: 8 }), (expression, customers) => {
        const compiled = compileAudience(expression)
        expect(compiled.tags.length).toBeGreaterThan(12)
        for (const tags of customers) {
          const expected = evaluateNaively(compiled.tree, new Set(tags))
          expect(compiled.matches(tags)).toBe(expected)
          expect(compiled.matches(new Set(tags))).toBe(expected)
          expect(compiled.matches([...tags, ...padding])).toBe(expected) // long arrays take the indexed path
        }
      }),
      { numRuns: 300 },
    )
  })
})

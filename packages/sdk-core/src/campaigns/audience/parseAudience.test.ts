import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EcnyError } from '../../errors/EcnyError.js'
import { audienceTree, normalise } from './audienceArbitraries.test-helpers.js'
import { MAX_AUDIENCE_DEPTH, parseAudience } from './parseAudience.js'
import { printAudience } from './printAudience.js'

const tag = (name: string) => ({ type: 'tag', tag: name }) as const

function syntaxError(expression: string): EcnyError {
  try {
    parseAudience(expression)
  } catch (error) {
    if (error instanceof EcnyError) return error
    throw error
  }
  throw new Error(`expected ${JSON.stringify(expression)} to fail`)
}

describe('parseAudience', () => {
  it('binds not tighter than and, and tighter than or', () => {
    expect(parseAudience('payroll & !staff | new_wallet')).toEqual({
      type: 'or',
      operands: [
        { type: 'and', operands: [tag('payroll'), { type: 'not', operand: tag('staff') }] },
        tag('new_wallet'),
      ],
    })
  })

  it('reads words and symbols alike, in any case, and full-width parentheses', () => {
    const expected = parseAudience('a & !b | c')
    expect(parseAudience('a and not b or c')).toEqual(expected)
    expect(parseAudience('a AND NOT b Or c')).toEqual(expected)
    expect(parseAudience('a && !b || c')).toEqual(expected)
    expect(parseAudience('（a & !b）| c')).toEqual(expected)
  })

  it('flattens chains and honours parentheses', () => {
    expect(parseAudience('a & b & c')).toEqual({ type: 'and', operands: [tag('a'), tag('b'), tag('c')] })
    expect(parseAudience('a & (b | c)')).toEqual({
      type: 'and',
      operands: [tag('a'), { type: 'or', operands: [tag('b'), tag('c')] }],
    })
    expect(parseAudience('!!a')).toEqual({ type: 'not', operand: { type: 'not', operand: tag('a') } })
  })

  it('accepts namespaced, dotted, dashed and CJK tags', () => {
    expect(parseAudience('city:suzhou')).toEqual(tag('city:suzhou'))
    expect(parseAudience('seg.gold-2')).toEqual(tag('seg.gold-2'))
    expect(parseAudience('代发工资 & city:上海')).toEqual({
      type: 'and',
      operands: [tag('代发工资'), tag('city:上海')],
    })
    expect(parseAudience('android')).toEqual(tag('android')) // a keyword prefix is still a tag
    expect(parseAudience('constructor')).toEqual(tag('constructor'))
  })

  it('names the column and shows a caret under it', () => {
    const error = syntaxError('payroll & | staff')
    expect(error.code).toBe('expression_syntax')
    expect(error.shortMessage).toBe("Audience expression: expected a tag or '(', found '|' at column 11.")
    expect(error.hint).toContain('  payroll & | staff\n            ^')
    expect(error.details).toMatchObject({ column: 11 })
  })

  it('explains each kind of mistake', () => {
    expect(syntaxError('').shortMessage).toMatch(/expected a tag or '\(', found the end at column 1/)
    expect(syntaxError('(a | b').shortMessage).toMatch(
      /expected '\)' to close the '\(' at column 1, found the end at column 7/,
    )
    expect(syntaxError('a b').shortMessage).toMatch(
      /expected 'and', 'or' or the end, found tag 'b' at column 3/,
    )
    expect(syntaxError('a)').shortMessage).toMatch(/found '\)' without a matching '\(' at column 2/)
    expect(syntaxError('a & #vip').shortMessage).toMatch(/unexpected character '#' at column 5/)
    expect(syntaxError('a & 2024vip').shortMessage).toMatch(/a tag cannot start with a digit/)
    expect(syntaxError('a & \u0000').shortMessage).toMatch(/U\+0000 at column 5/)
    expect(
      syntaxError(`${'('.repeat(MAX_AUDIENCE_DEPTH + 1)}a${')'.repeat(MAX_AUDIENCE_DEPTH + 1)}`).shortMessage,
    ).toMatch(/nest deeper/)
    expect(syntaxError('a|'.repeat(3000)).shortMessage).toMatch(/longer than 4096/)
  })

  it('counts columns in characters, so CJK tags do not shift the caret', () => {
    expect(syntaxError('代发工资 & ）').details).toMatchObject({ column: 8 })
  })

  it('cuts long expressions to a window around the column', () => {
    const error = syntaxError(`${'a & '.repeat(40)}& b${' | c'.repeat(40)}`)
    const [shown, caret] = error.hint!.split('\n')
    expect(shown!.length).toBeLessThan(90)
    expect(shown![caret!.indexOf('^')]).toBe('&')
  })

  it('parse(print(tree)) gives back the same tree', () => {
    fc.assert(
      fc.property(audienceTree, (tree) => {
        expect(parseAudience(printAudience(tree))).toEqual(normalise(tree))
      }),
    )
  })

  it('throws nothing but expression_syntax on arbitrary text', () => {
    const noise = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc
        .array(
          fc.constantFrom(
            'a',
            'b',
            '代',
            ' ',
            '&',
            '|',
            '!',
            '(',
            ')',
            'and',
            'or',
            'not',
            ':',
            '-',
            '1',
            '#',
          ),
          {
            maxLength: 30,
          },
        )
        .map((parts) => parts.join('')),
    )
    fc.assert(
      fc.property(noise, (text) => {
        try {
          parseAudience(text)
        } catch (error) {
          expect(error).toBeInstanceOf(EcnyError)
          expect((error as EcnyError).code).toBe('expression_syntax')
          expect((error as EcnyError).details.column).toBeGreaterThanOrEqual(1)
        }
      }),
      { numRuns: 2000 },
    )
  })
})

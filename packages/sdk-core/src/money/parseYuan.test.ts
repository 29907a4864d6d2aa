import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EcnyError } from '../errors/EcnyError.js'
import { formatYuan } from './formatYuan.js'
import { parseYuan } from './parseYuan.js'

function errorOf(run: () => unknown): EcnyError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(EcnyError)
    return error as EcnyError
  }
  throw new Error('expected an error')
}

describe('parseYuan', () => {
  it.each([
    ['0', 0],
    ['12', 1200],
    ['12.3', 1230],
    ['12.34', 1234],
    ['0.01', 1],
    ['0.5', 50],
    ['0.00', 0],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('parses %j as %d fen', (text, fen) => {
    expect(parseYuan(text)).toBe(fen)
  })

  it('parses negatives only when allowed, and never returns -0', () => {
    expect(parseYuan('-1.50', { allowNegative: true })).toBe(-150)
    expect(Object.is(parseYuan('-0.00', { allowNegative: true }), 0)).toBe(true)
    expect(errorOf(() => parseYuan('-1.50')).message).toContain('allowNegative')
  })

  it.each([
    ['', 'is empty'],
    ['   ', 'is empty'],
    [' 12.34', 'trim'],
    ['1e3', 'exponent'],
    ['1.5E-2', 'exponent'],
    ['12.345', 'more than two decimal places'],
    ['12.', 'ends with a decimal point'],
    ['.5', 'write "0.5"'],
    ['05.00', 'leading zeros'],
    ['1,234.56', 'thousands separators'],
    ['¥12.34', 'currency sign'],
    ['+12', 'plus sign'],
    ['NaN', 'not a number'],
    ['Infinity', 'not a number'],
    ['12abc', 'not a decimal yuan amount'],
    ['１２', 'not a decimal yuan amount'],
    ['90071992547409.92', 'too large'],
    ['99999999999999999999', 'too large'],
  ])('rejects %j (%s)', (text, why) => {
    const error = errorOf(() => parseYuan(text))
    expect(error.code).toBe('invalid_request')
    expect(error.name).toBe('InvalidRequestError')
    expect(error.message).toContain(why)
    expect(error.hint).toBeTruthy()
  })

  it('rejects non-string input and names the field', () => {
    for (const value of [12.34, null, undefined, {}, 1234n]) {
      const error = errorOf(() => parseYuan(value as unknown as string, { field: 'order.amount' }))
      expect(error.code).toBe('invalid_request')
      expect(error.message).toContain('order.amount')
      expect(error.details).toEqual({ issues: [{ path: 'order.amount', message: expect.any(String) }] })
    }
  })

  it('property: parseYuan(formatYuan(n)) === n for every safe non-negative integer', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        expect(parseYuan(formatYuan(n))).toBe(n)
      }),
    )
  })

  it('property: negative amounts round-trip with allowNegative', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(parseYuan(formatYuan(n), { allowNegative: true })).toBe(n || 0)
      }),
    )
  })

  it('property: formatYuan(parseYuan(s)) is s written with exactly two decimals', () => {
    const whole = fc.oneof(fc.constant('0'), fc.stringMatching(/^[1-9][0-9]{0,12}$/))
    const decimals = fc.oneof(fc.constant(''), fc.stringMatching(/^\.[0-9]{1,2}$/))
    fc.assert(
      fc.property(whole, decimals, (w, d) => {
        const text = w + d
        const expected = `${w}.${(d.slice(1) || '').padEnd(2, '0')}`
        expect(formatYuan(parseYuan(text))).toBe(expected)
      }),
    )
  })

  it('property: any string either parses to a safe integer or throws invalid_request', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          expect(Number.isSafeInteger(parseYuan(text))).toBe(true)
        } catch (error) {
          expect((error as EcnyError).code).toBe('invalid_request')
        }
      }),
    )
  })
})

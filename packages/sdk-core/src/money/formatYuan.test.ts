import { describe, expect, it } from 'vitest'
import { formatYuan } from './formatYuan.js'

describe('formatYuan', () => {
  it.each([
    [1234, '12.34'],
    [5, '0.05'],
    [0, '0.00'],
    [-0, '0.00'],
    [100, '1.00'],
    [-150, '-1.50'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('formats %d fen as %j', (fen, text) => {
    expect(formatYuan(fen)).toBe(text)
  })

  it('adds the yuan sign and thousands grouping on request', () => {
    expect(formatYuan(1234, { symbol: true })).toBe('¥12.34')
    expect(formatYuan(-150, { symbol: true })).toBe('-¥1.50')
    expect(formatYuan(123456, { grouping: true })).toBe('1,234.56')
    expect(formatYuan(99999, { grouping: true })).toBe('999.99')
    expect(formatYuan(-123456789012, { grouping: true, symbol: true })).toBe('-¥1,234,567,890.12')
  })

  it.each([12.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1, '1234', null])(
    'throws invalid_request for %p',
    (value) => {
      expect(() => formatYuan(value as number)).toThrow(expect.objectContaining({ code: 'invalid_request' }))
    },
  )
})

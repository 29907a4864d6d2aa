import fc from 'fast-check'
import { expect, it } from 'vitest'
import { parseDuration } from './parseDuration.js'

it('reads seconds, minutes, hours, days and weeks, alone or together', () => {
  expect(parseDuration('1d')).toBe(86_400)
  expect(parseDuration('90s')).toBe(90)
  expect(parseDuration('1h30m')).toBe(5_400)
  expect(parseDuration('1w')).toBe(604_800)
  expect(parseDuration('3600')).toBe(3_600)
})

it('adds up any sequence of parts', () => {
  const part = fc.tuple(
    fc.integer({ min: 1, max: 999 }),
    fc.constantFrom(['s', 1], ['m', 60], ['h', 3600], ['d', 86_400]),
  )
  fc.assert(
    fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), (parts) => {
      const text = parts.map(([count, [unit]]) => `${count}${unit}`).join('')
      const seconds = parts.reduce((total, [count, [, size]]) => total + count * size, 0)
      expect(parseDuration(text)).toBe(seconds)
    }),
  )
})

it('refuses what is not a forward step, saying how to write one', () => {
  for (const bad of ['', '0', '1y', '-1d', '1.5h', 'd1', '1d x', 'tomorrow']) {
    expect(() => parseDuration(bad), bad).toThrow(/duration/i)
  }
})

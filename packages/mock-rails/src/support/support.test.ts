import { describe, expect, it } from 'vitest'
import { parseFaultSpec } from '../sandbox/parseFaultSpec.js'
import { maskIdNumber, maskMobile, maskWalletId } from './mask.js'
import { mulberry32, normalizeSeed } from './mulberry32.js'
import { createRailsClock } from './railsClock.js'
import { formatTimestamp, isCalendarDate, nextShanghaiMidnight, shanghaiDay } from './shanghaiTime.js'

describe('support', () => {
  it('mulberry32 repeats for a seed and resumes from its saved state', () => {
    const a = mulberry32(42)
    const first = [a.next(), a.next(), a.next()]
    expect(mulberry32(42).next()).toBe(first[0])
    const b = mulberry32(42)
    b.next()
    const resumed = mulberry32(b.state())
    expect([resumed.next(), resumed.next()]).toEqual(first.slice(1))
    expect(normalizeSeed('abc')).toBe(normalizeSeed('abc'))
    expect(normalizeSeed('abc')).not.toBe(normalizeSeed('abd'))
  })

  it('the manual clock moves only when told; listeners hear about it', () => {
    const clock = createRailsClock({ start: '2025-01-01T00:00:00Z' })
    let heard = 0
    clock.onChange(() => heard++)
    expect(clock.now()).toBe(Date.parse('2025-01-01T00:00:00Z'))
    clock.advance(1500)
    clock.set('2026-01-01T00:00:00Z')
    expect([clock.now(), heard]).toEqual([Date.parse('2026-01-01T00:00:00Z'), 2])
    const system = createRailsClock({ mode: 'system' })
    expect(Math.abs(system.now() - Date.now())).toBeLessThan(50)
  })

  it('Shanghai time: +08:00 timestamps and midnights', () => {
    const ms = Date.parse('2025-03-10T15:59:59.999Z')
    expect(formatTimestamp(ms)).toBe('2025-03-10T23:59:59.999+08:00')
    expect(shanghaiDay(ms + 1)).toBe(shanghaiDay(ms) + 1)
    expect(formatTimestamp(nextShanghaiMidnight(ms))).toBe('2025-03-11T00:00:00.000+08:00')
  })

  it('masks the Chinese way', () => {
    expect(maskMobile('13812341234')).toBe('138****1234')
    expect(maskIdNumber('110105200002291235')).toBe('110105********1235')
    expect(maskWalletId('0022501234565081')).toBe('002250******5081')
  })

  it('parses the CLI fault spec', () => {
    expect(parseFaultSpec('5xx=0.1,429=0.05,drop=0.02,latency=50')).toEqual({
      rate5xx: 0.1,
      rate429: 0.05,
      dropAfterCommit: 0.02,
      latencyMs: 50,
    })
    expect(() => parseFaultSpec('boom=1')).toThrow(/Bad fault/)
    expect(() => parseFaultSpec('5xx=2')).toThrow(/between 0 and 1/)
  })

  it('isCalendarDate accepts only dates that exist, written YYYY-MM-DD', () => {
    expect(['2024-02-29', '2025-12-31'].map(isCalendarDate)).toEqual([true, true])
    expect(['2025-02-29', '2025-02-30', '2025-13-01', '2025-1-01', '20250101'].map(isCalendarDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ])
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { backoffDelay, maxRetryAfterMs, parseRetryAfter, sleep } from './backoff.js'

describe('backoffDelay', () => {
  it('stays within [0, min(cap, base·2^attempt)) for any random draw', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.double({ min: 0, max: 0.9999999, noNaN: true }), (attempt, r) => {
        const delay = backoffDelay(attempt, () => r, 250, 8_000)
        expect(Number.isInteger(delay)).toBe(true)
        expect(delay).toBeGreaterThanOrEqual(0)
        expect(delay).toBeLessThan(Math.min(8_000, 250 * 2 ** attempt))
      }),
    )
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, caps at 60 s, ignores junk', () => {
    const now = Date.parse('2026-11-28T00:00:00Z')
    expect(parseRetryAfter('2', now)).toBe(2_000)
    expect(parseRetryAfter('3600', now)).toBe(maxRetryAfterMs)
    expect(parseRetryAfter(new Date(now + 5_000).toUTCString(), now)).toBe(5_000)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter('-1', now)).toBeUndefined()
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
  })
})

describe('sleep', () => {
  it('rejects as soon as the signal aborts', async () => {
    const controller = new AbortController()
    const started = Date.now()
    setTimeout(() => controller.abort(new Error('stop')), 10)
    await expect(sleep(5_000, controller.signal)).rejects.toThrow('stop')
    expect(Date.now() - started).toBeLessThan(1_000)
  })
})

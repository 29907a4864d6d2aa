import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createFaultInjector, type FaultOptions } from './faultInjector.js'

const chaos: FaultOptions = { rate429: 0.1, rate5xx: 0.12, dropAfterCommit: 0.12, dropEveryAnswer: 0.05 }

/** Each request's decisions, by identity and attempt, for one arrival order. */
function decisionsFor(seed: number, arrivals: string[]) {
  const faults = createFaultInjector(seed, chaos)
  const seen = new Map<string, number>()
  const byAttempt = new Map<string, unknown>()
  for (const identity of arrivals) {
    const attempt = seen.get(identity) ?? 0
    seen.set(identity, attempt + 1)
    byAttempt.set(`${identity}#${attempt}`, faults.decide('POST /v1/orders', identity))
  }
  return byAttempt
}

describe('fault injector', () => {
  it('gives a request the same faults on each attempt whatever order other requests arrive in', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(fc.constantFrom('pay:1', 'pay:2', 'refund:3', 'GET /v1/orders?merchantOrderNo=4'), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.infiniteStream(fc.nat()),
        (seed, arrivals, swaps) => {
          const shuffled = [...arrivals]
          const picks = swaps[Symbol.iterator]()
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = (picks.next().value as number) % (i + 1)
            ;[shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!]
          }
          expect(decisionsFor(seed, shuffled)).toEqual(decisionsFor(seed, arrivals))
        },
      ),
    )
  })

  it('another seed gives other faults; without an identity the draws follow arrival order', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `key-${i}`)
    expect(decisionsFor(1, keys)).not.toEqual(decisionsFor(2, keys))
    const a = createFaultInjector(5, chaos)
    const b = createFaultInjector(5, chaos)
    const first = Array.from({ length: 50 }, () => a.decide('GET /v1/orders'))
    expect(Array.from({ length: 50 }, () => b.decide('GET /v1/orders'))).toEqual(first)
  })

  it('dropAfterCommit loses only a first answer; dropEveryAnswer loses replays as well', () => {
    const first = createFaultInjector(9, { dropAfterCommit: 1 }).decide('POST /v1/orders', 'k')
    expect([first.dropAfterCommit, first.dropReplay]).toEqual([true, false])
    const every = createFaultInjector(9, { dropEveryAnswer: 1 }).decide('POST /v1/orders', 'k')
    expect([every.dropAfterCommit, every.dropReplay]).toEqual([true, true])
    const calm = createFaultInjector(9, { routes: { 'POST /v1/refunds': { dropEveryAnswer: 1 } } })
    expect(calm.decide('POST /v1/orders', 'k')).toMatchObject({ dropAfterCommit: false, dropReplay: false })
  })

  it('draws faults at about the configured rates', () => {
    const faults = createFaultInjector(3, chaos)
    const decisions = Array.from({ length: 20_000 }, (_, i) => faults.decide('POST /v1/orders', `k${i}`))
    const share = (test: (d: (typeof decisions)[number]) => boolean) =>
      decisions.filter(test).length / decisions.length
    expect(share((d) => d.reject === 429)).toBeCloseTo(0.1, 1)
    expect(share((d) => d.dropReplay)).toBeCloseTo(0.05, 1)
    expect(share((d) => d.dropAfterCommit)).toBeCloseTo(0.12, 1)
  })
})

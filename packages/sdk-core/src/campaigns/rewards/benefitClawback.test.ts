import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EcnyError } from '../../errors/EcnyError.js'
import { allocateFen } from '../../money/fen.js'
import { benefitClawback } from './benefitClawback.js'
import type { RefundPolicy } from './campaignRuleSchema.js'

const order = { orderAmount: 10_000, benefit: 2_000, paid: 8_000 }
const start = { ...order, alreadyRefunded: 0, alreadyClawedBack: 0 }

/** Runs refunds in order; returns each clawback, checking the invariants at every step. */
function refundAll(policy: RefundPolicy, o: typeof order, refunds: number[]): number[] {
  let alreadyRefunded = 0
  let alreadyClawedBack = 0
  return refunds.map((refundAmount) => {
    const clawback = benefitClawback(policy, { ...o, alreadyRefunded, alreadyClawedBack, refundAmount })
    expect(Number.isSafeInteger(clawback)).toBe(true)
    expect(clawback).toBeGreaterThanOrEqual(0)
    expect(clawback).toBeLessThanOrEqual(refundAmount)
    alreadyRefunded += refundAmount
    alreadyClawedBack += clawback
    expect(alreadyRefunded - alreadyClawedBack).toBeLessThanOrEqual(o.paid) // the wallet never gets more than it paid
    return clawback
  })
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

/** An order (amounts up to 2^50 fen, so the BigInt path is exercised) with a benefit and ≥ 1 fen paid. */
const anOrder = fc
  .oneof(
    fc.integer({ min: 1, max: 1_000_000 }),
    fc.integer({ min: 1, max: 2 ** 30 }).map((n) => n * 2 ** 20 + 7),
  )
  .chain((orderAmount) =>
    fc.bigInt({ min: 0n, max: BigInt(orderAmount - 1) }).map((b) => {
      const benefit = Number(b)
      return { orderAmount, benefit, paid: orderAmount - benefit }
    }),
  )

/** Splits `total` into 1–12 positive refunds. */
const refundsOf = (total: number) =>
  fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }).map((weights) => {
    const parts = allocateFen(total, weights.some((w) => w > 0) ? weights : [1]).filter((part) => part > 0)
    return parts.length > 0 ? parts : [total]
  })

describe('benefitClawback', () => {
  it('CRP01 takes the benefit back first', () => {
    expect(refundAll('CRP01', order, [1_500, 1_500, 7_000])).toEqual([1_500, 500, 0])
  })

  it('CRP02 takes it back pro rata, floored in the customer’s favour', () => {
    expect(refundAll('CRP02', order, [5_000, 5_000])).toEqual([1_000, 1_000])
    expect(refundAll('CRP02', { orderAmount: 3, benefit: 1, paid: 2 }, [1, 1, 1])).toEqual([0, 0, 1])
  })

  it('CRP03 takes it back only with the refund that completes the order', () => {
    expect(refundAll('CRP03', order, [3_000, 5_000, 2_000])).toEqual([0, 0, 2_000])
  })

  it('CRP04 never takes it back', () => {
    expect(refundAll('CRP04', order, [3_000, 5_000])).toEqual([0, 0])
  })

  it('over partial refunds that add up to the order, clawbacks sum exactly to the benefit (CRP01, CRP02)', () => {
    fc.assert(
      fc.property(
        anOrder.chain((o) => fc.tuple(fc.constant(o), refundsOf(o.orderAmount))),
        fc.constantFrom<RefundPolicy>('CRP01', 'CRP02'),
        ([o, refunds], policy) => {
          expect(sum(refundAll(policy, o, refunds))).toBe(o.benefit)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('CRP03: partial refunds up to what was paid, then the rest: the last one takes back the whole benefit', () => {
    fc.assert(
      fc.property(
        anOrder.chain((o) =>
          fc.tuple(
            fc.constant(o),
            fc
              .bigInt({ min: 0n, max: BigInt(o.paid) })
              .chain((partial) => (partial === 0n ? fc.constant<number[]>([]) : refundsOf(Number(partial)))),
          ),
        ),
        ([o, partials]) => {
          const partialTotal = sum(partials)
          const rest = o.orderAmount - partialTotal // 0 only when there is no benefit (paid = orderAmount)
          const refunds = rest > 0 ? [...partials, rest] : partials
          const clawbacks = refundAll('CRP03', o, refunds)
          expect(sum(clawbacks)).toBe(o.benefit)
          expect(sum(clawbacks.slice(0, -1))).toBe(0)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('refuses to return more than was paid under CRP03 (partial) and CRP04', () => {
    const error = (() => {
      try {
        benefitClawback('CRP03', { ...start, refundAmount: 9_000 })
      } catch (caught) {
        return caught as EcnyError
      }
    })()
    expect(error).toBeInstanceOf(EcnyError)
    expect(error!.code).toBe('refund_exceeds_paid')
    expect(error!.hint).toMatch(/at most 8000 fen now, or the whole remaining 10000 fen/)
    expect(benefitClawback('CRP03', { ...start, refundAmount: 10_000 })).toBe(2_000)
    expect(() => benefitClawback('CRP04', { ...start, alreadyRefunded: 8_000, refundAmount: 1 })).toThrow(
      /CRP04 never takes the benefit back/,
    )
  })

  it('refuses a refund beyond the order and inconsistent inputs', () => {
    expect(() => benefitClawback('CRP02', { ...start, alreadyRefunded: 6_000, refundAmount: 5_000 })).toThrow(
      expect.objectContaining({ code: 'refund_exceeds_paid' }),
    )
    const bad = [
      { ...start, paid: 7_000 },
      { ...start, refundAmount: 0 },
      { ...start, refundAmount: 1.5 },
      { ...start, benefit: -1, paid: 10_001 },
      { ...start, alreadyRefunded: 3_000, alreadyClawedBack: 2_500 },
      { ...start, alreadyRefunded: 1_000, alreadyClawedBack: 1_500, refundAmount: 10 },
    ]
    for (const parameters of bad) {
      expect(() => benefitClawback('CRP02', { refundAmount: 100, ...parameters })).toThrow(
        expect.objectContaining({ code: 'invalid_request' }),
      )
    }
    expect(() => benefitClawback('CRP09' as never, { ...start, refundAmount: 1 })).toThrow(
      /Unknown refund policy/,
    )
  })
})

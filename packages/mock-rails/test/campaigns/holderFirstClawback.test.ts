import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { holderFirstClawback } from '../../src/campaigns/holderFirstClawback.js'

describe("holderFirstClawback: the holder's own money first", () => {
  it('¥100 order, ¥20 benefit: ¥40, ¥40, ¥20 take back 0, 0, 2000; one ¥90 refund takes back 1000', () => {
    const base = { paid: 8_000, benefit: 2_000 }
    expect(
      holderFirstClawback({ ...base, alreadyRefunded: 0, alreadyClawedBack: 0, refundAmount: 4_000 }),
    ).toBe(0)
    expect(
      holderFirstClawback({ ...base, alreadyRefunded: 4_000, alreadyClawedBack: 0, refundAmount: 4_000 }),
    ).toBe(0)
    expect(
      holderFirstClawback({ ...base, alreadyRefunded: 8_000, alreadyClawedBack: 0, refundAmount: 2_000 }),
    ).toBe(2_000)
    expect(
      holderFirstClawback({ ...base, alreadyRefunded: 0, alreadyClawedBack: 0, refundAmount: 9_000 }),
    ).toBe(1_000)
  })

  it('over any partial refunds of the whole order: the wallet never gets more than it paid, the clawbacks add up to the benefit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 1_000 }), { minLength: 1, maxLength: 8 }),
        (amount, rawBenefit, weights) => {
          const benefit = Math.min(rawBenefit, amount - 1)
          const paid = amount - benefit
          const total = weights.reduce((a, b) => a + b, 0)
          let refunded = 0
          let clawedBack = 0
          for (const [i, weight] of weights.entries()) {
            const last = i === weights.length - 1
            const refundAmount = last ? amount - refunded : Math.floor((amount * weight) / total)
            if (refundAmount < 1) continue
            const clawback = holderFirstClawback({
              paid,
              benefit,
              alreadyRefunded: refunded,
              alreadyClawedBack: clawedBack,
              refundAmount,
            })
            expect(clawback).toBeGreaterThanOrEqual(0)
            expect(clawback).toBeLessThanOrEqual(refundAmount)
            refunded += refundAmount
            clawedBack += clawback
            expect(refunded - clawedBack).toBeLessThanOrEqual(paid)
          }
          if (refunded === amount) expect(clawedBack).toBe(benefit)
        },
      ),
    )
  })
})

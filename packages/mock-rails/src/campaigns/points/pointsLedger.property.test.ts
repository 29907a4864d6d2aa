import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { advanceBook, balanceOf, emptyBook, pendingOf, postEntry } from './pointsLedger.js'
import type { PointsEntryKind } from './pointsState.js'

const day = 86_400_000

const step = fc.oneof(
  fc.record({ op: fc.constant('earn' as const), points: fc.integer({ min: 1, max: 500 }), delay: fc.nat(5) }),
  fc.record({ op: fc.constant('take' as const), points: fc.integer({ min: 1, max: 800 }), of: fc.nat() }),
  fc.record({ op: fc.constant('adjust' as const), points: fc.integer({ min: -300, max: 300 }) }),
  fc.record({ op: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 200 }) }),
)

describe('points ledger (property)', () => {
  it('balance = sum of credited history = lots left − owed; below zero only after a recorded taking', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const book = emptyBook('w')
        let now = 0
        let n = 0
        const entry = (
          kind: PointsEntryKind,
          points: number,
          creditAt: number,
          expiresAt: number | null,
        ) => ({
          id: `e${n++}`,
          kind,
          points,
          value: null,
          orderId: null,
          transferId: null,
          refundId: null,
          reversesEntryId: null,
          reason: null,
          createdAt: now,
          creditAt,
          expiresAt,
        })
        for (const s of steps) {
          if (s.op === 'earn')
            postEntry(book, entry('campaign', s.points, now + s.delay * day, now + 365 * day))
          else if (s.op === 'take') {
            const earned = book.entries.filter((e) => e.points > 0)
            const target = earned.length ? earned[s.of % earned.length]! : undefined
            postEntry(book, {
              ...entry('reversal', -s.points, target?.status === 'pending' ? target.creditAt : now, null),
              reversesEntryId: target?.id ?? null,
            })
          } else if (s.op === 'adjust' && s.points !== 0)
            postEntry(book, entry('adjustment', s.points, now, s.points > 0 ? now + 365 * day : null))
          else if (s.op === 'wait') now += s.days * day
          advanceBook(book, now)

          const credited = book.entries.filter((e) => e.status === 'credited')
          const sum = credited.reduce((total, e) => total + e.points, 0)
          const left = book.entries.reduce((total, e) => total + e.left, 0)
          expect(balanceOf(book)).toBe(sum)
          expect(left - book.owed).toBe(sum)
          expect(pendingOf(book)).toBe(
            book.entries.filter((e) => e.status === 'pending').reduce((t, e) => t + e.points, 0),
          )
          for (const e of book.entries) expect(e.left).toBeGreaterThanOrEqual(0)
          if (sum < 0)
            expect(credited.some((e) => e.kind === 'reversal' || e.kind === 'adjustment')).toBe(true)
          // Nothing due is left undone.
          for (const e of book.entries) {
            if (e.status === 'pending') expect(e.creditAt).toBeGreaterThan(now)
            if (e.left > 0 && e.expiresAt !== null) expect(e.expiresAt).toBeGreaterThan(now)
          }
        }
      }),
      { numRuns: 200 },
    )
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { billStanding, itemsCovered } from './billStanding.js'
import type { GovPaymentBillRecord, GovPaymentRecord } from './govPaymentState.js'
import { accruedLateFee, addDays } from './lateFee.js'

const bill = (over: Partial<GovPaymentBillRecord> = {}): GovPaymentBillRecord => ({
  id: 'gbill_1',
  sceneId: 'scn_1',
  merchantId: 'mch_1',
  areaCode: '320500',
  paymentCode: '32050012345678901234',
  agencyCode: '320500001',
  agencyName: '苏州市公安局交通警察支队',
  kind: 'non_tax',
  billType: 'fine',
  billNo: null,
  payerName: '李四',
  taxpayerId: null,
  taxPeriod: null,
  items: [
    { code: 'FINE', name: '罚款', amount: 20_000 },
    { code: 'FEE', name: '工本费', amount: 1_000 },
  ],
  amount: 21_000,
  dueDate: '2026-03-31',
  payableUntil: '2026-09-27',
  lateFee: null,
  partial: null,
  payments: [],
  pendingOrderIds: [],
  createdAt: 0,
  ...over,
})

/** Noon in Shanghai on `date`. */
const noon = (date: string) => Date.parse(`${date}T04:00:00Z`)
const payment = (date: string, principal: number, lateFee = 0): GovPaymentRecord => ({
  orderId: 'ord',
  walletId: 'w',
  amount: principal + lateFee,
  principal,
  lateFee,
  paidAt: noon(date),
  items: [],
  ebill: { billCode: '32050001', number: '0000000001', checkCode: 'ABCDEF', issuedAt: 0 },
})

describe('late fee (integer fen, from the rails clock)', () => {
  it('adds 0.05 % a day of the unpaid tax from the day after the due date, rounded down', () => {
    const tax = bill({ kind: 'tax', lateFee: { dailyRatePerTenThousand: 5 }, amount: 1_000_001 })
    expect(billStanding(tax, '2026-03-31')).toMatchObject({ status: 'unpaid', lateFeeDue: 0 })
    expect(billStanding(tax, '2026-04-01')).toMatchObject({ status: 'overdue', lateFeeDue: 500 })
    // 10 days × 1 000 001 fen × 5 / 10 000 = 5 000.005 → 5 000 fen
    expect(billStanding(tax, '2026-04-10')).toMatchObject({ lateFeeDue: 5_000, amountDue: 1_005_001 })
  })

  it('caps a fine’s 3 % a day at the fine itself', () => {
    const fine = bill({ lateFee: { dailyRatePerTenThousand: 300, cap: 'principal' } })
    expect(billStanding(fine, '2026-04-10').lateFeeDue).toBe(6_300) // 10 days × 630
    expect(billStanding(fine, '2026-06-30').lateFeeDue).toBe(21_000) // capped at the principal
  })

  it('stops the fee on the part paid: payments go to the principal first', () => {
    const fine = bill({
      lateFee: { dailyRatePerTenThousand: 300 },
      partial: { minAmount: 1_000 },
      payments: [payment('2026-04-02', 11_000, 0)],
    })
    // 2 days on 21 000 (1 260), then 3 days on 10 000 (900)
    expect(billStanding(fine, '2026-04-05')).toMatchObject({
      status: 'overdue',
      paidPrincipal: 11_000,
      lateFeeDue: 2_160,
      amountDue: 12_160,
    })
  })

  it('is paid once principal and fee are covered, whatever the day after', () => {
    const fine = bill({ payments: [payment('2026-03-30', 21_000)] })
    expect(billStanding(fine, '2027-01-01')).toMatchObject({ status: 'paid', amountDue: 0 })
  })

  it('expires after payableUntil when unpaid', () => {
    expect(billStanding(bill({ payableUntil: '2026-03-31' }), '2026-04-01').status).toBe('expired')
  })

  it('never accrues negative or fractional fen, and never over the cap (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 4_000 }),
        (principal, rate, days) => {
          const fee = accruedLateFee({ dailyRatePerTenThousand: rate }, principal, days)
          expect(Number.isSafeInteger(fee) && fee >= 0).toBe(true)
          expect(fee).toBe(Number((BigInt(principal) * BigInt(rate) * BigInt(days)) / 10_000n))
          const capped = billStanding(
            bill({
              amount: principal,
              items: [{ code: 'X', name: 'x', amount: principal }],
              lateFee: { dailyRatePerTenThousand: rate, cap: 'principal' },
            }),
            addDays('2026-03-31', days),
          )
          expect(capped.lateFeeDue).toBeLessThanOrEqual(principal)
        },
      ),
    )
  })
})

describe('items covered by a payment', () => {
  it('covers the items in order, a part splitting one', () => {
    const record = bill()
    expect(itemsCovered(record, 0, 20_500)).toEqual([
      { code: 'FINE', name: '罚款', amount: 20_000 },
      { code: 'FEE', name: '工本费', amount: 500 },
    ])
    expect(itemsCovered(record, 20_500, 500)).toEqual([{ code: 'FEE', name: '工本费', amount: 500 }])
  })

  it('adds up to the principal paid (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 21_000 }), fc.integer({ min: 0, max: 21_000 }), (a, b) => {
        const paid = Math.min(a, 21_000)
        const part = Math.min(b, 21_000 - paid)
        const sum = itemsCovered(bill(), paid, part).reduce((total, item) => total + item.amount, 0)
        expect(sum).toBe(part)
      }),
    )
  })
})

import { shanghaiDate } from '../support/shanghaiTime.js'
import type { GovPaymentBillRecord } from './govPaymentState.js'
import { accruedLateFee, daysAfter, lateFeeCap } from './lateFee.js'

export type BillStanding = {
  status: 'unpaid' | 'partially_paid' | 'overdue' | 'paid' | 'expired'
  unpaidPrincipal: number
  paidPrincipal: number
  paidLateFee: number
  /** Late fee owed on `date` (accrued up to that day, less what was paid). */
  lateFeeDue: number
  amountDue: number
}

/**
 * Where a bill stands on a Shanghai calendar `date`: what is paid, what is owed. The late fee is
 * replayed from the payments, so nothing accrued is stored: each day after the due date adds the
 * rule's rate on the principal unpaid that day (payments go to the principal first, so a part paid
 * stops its fee), and the total never passes the rule's cap.
 */
export function billStanding(record: GovPaymentBillRecord, date: string): BillStanding {
  const rule = record.lateFee
  const cap = rule ? lateFeeCap(rule, record.amount) : 0
  let unpaid = record.amount
  let accrued = 0
  let paidLateFee = 0
  let from = record.dueDate
  const accrueTo = (day: string) => {
    if (rule) accrued = Math.min(cap, accrued + accruedLateFee(rule, unpaid, daysAfter(from, day)))
    if (day > from) from = day
  }
  for (const payment of record.payments) {
    accrueTo(shanghaiDate(payment.paidAt))
    unpaid -= payment.principal
    paidLateFee += payment.lateFee
  }
  accrueTo(date)
  const lateFeeDue = Math.max(0, accrued - paidLateFee)
  const amountDue = unpaid + lateFeeDue
  const status =
    amountDue === 0
      ? 'paid'
      : date > record.payableUntil
        ? 'expired'
        : date > record.dueDate
          ? 'overdue'
          : record.payments.length > 0
            ? 'partially_paid'
            : 'unpaid'
  return {
    status,
    unpaidPrincipal: unpaid,
    paidPrincipal: record.amount - unpaid,
    paidLateFee,
    lateFeeDue,
    amountDue,
  }
}

/** The bill's items a principal part covers, in order, after `alreadyPaid` fen of principal. */
export function itemsCovered(
  record: GovPaymentBillRecord,
  alreadyPaid: number,
  principal: number,
): GovPaymentBillRecord['items'] {
  const covered: GovPaymentBillRecord['items'] = []
  let skip = alreadyPaid
  let left = principal
  for (const item of record.items) {
    const open = Math.max(0, item.amount - skip)
    skip = Math.max(0, skip - item.amount)
    const part = Math.min(open, left)
    if (part > 0) covered.push({ ...item, amount: part })
    left -= part
  }
  return covered
}

import { createHash } from 'node:crypto'
import { shanghaiDate } from '../support/shanghaiTime.js'
import { billStanding, itemsCovered } from './billStanding.js'
import type { GovContext } from './govContext.js'
import type { GovPaymentBillRecord, GovPaymentRecord } from './govPaymentState.js'

/** The late-fee line of an e-bill. */
export const lateFeeItem = { code: 'LATE_FEE', name: '滞纳金' } as const

/**
 * 票据代码: the scene's 6-digit area code and a 2-digit kind (`01` non-tax fiscal e-bill, `02` tax
 * payment certificate). The real code is assigned by the finance bureau; this layout is the sandbox's.
 */
export const ebillCodeOf = (record: GovPaymentBillRecord) =>
  `${record.areaCode}${record.kind === 'tax' ? '02' : '01'}`

/**
 * Records a payment on a bill on the day it was paid: the principal first, then the late fee, the
 * items it covered, and a new e-bill (the next 10-digit number of its bill code, and a 6-character
 * check code derived from what it certifies).
 */
export function recordGovPayment(
  gc: GovContext,
  record: GovPaymentBillRecord,
  paid: { orderId: string; walletId: string; amount: number; paidAt: number },
): GovPaymentRecord {
  const before = billStanding(record, shanghaiDate(paid.paidAt))
  const principal = Math.min(paid.amount, before.unpaidPrincipal)
  const lateFee = paid.amount - principal
  const items = itemsCovered(record, before.paidPrincipal, principal)
  if (lateFee > 0) items.push({ ...lateFeeItem, amount: lateFee })
  const billCode = ebillCodeOf(record)
  const counterKey = `ebill:${billCode}`
  const sequence = (gc.ctx.state.counters[counterKey] ?? 0) + 1
  gc.ctx.state.counters[counterKey] = sequence
  const number = String(sequence).padStart(10, '0')
  const checkCode = createHash('sha256')
    .update(`${billCode}|${number}|${record.paymentCode}|${paid.orderId}|${paid.amount}|${paid.paidAt}`)
    .digest('hex')
    .slice(0, 6)
    .toUpperCase()
  const payment: GovPaymentRecord = {
    ...paid,
    principal,
    lateFee,
    items,
    ebill: { billCode, number, checkCode, issuedAt: gc.now() },
  }
  record.payments.push(payment)
  gc.gov.govEBills.set(`${billCode}\u241f${number}`, record.id)
  return payment
}

import { formatTimestamp, shanghaiDate } from '../support/shanghaiTime.js'
import { billStanding } from './billStanding.js'
import type { GovContext } from './govContext.js'
import type { GovPaymentBillRecord } from './govPaymentState.js'

/**
 * A payer's name as a lookup by code shows it: every character but the last masked (`李四` → `*四`,
 * `苏州某某有限公司` → `*******司`), so whoever holds a code cannot read whose bill it is.
 */
export function maskPayerName(name: string): string {
  const chars = [...name]
  return chars.length <= 1 ? '*' : `${'*'.repeat(chars.length - 1)}${chars.at(-1)}`
}

/** An 18-character taxpayer id with all but its first 2 and last 4 characters masked. */
export const maskTaxpayerId = (id: string) => `${id.slice(0, 2)}${'*'.repeat(id.length - 6)}${id.slice(-4)}`

/**
 * The protocol's `GovPaymentBill` as of now (rails clock). `view: 'payer'` is what a lookup by
 * 缴款码 answers: payer name and taxpayer id masked, paying wallets left out.
 */
export function govBillToWire(gc: GovContext, record: GovPaymentBillRecord, view: 'agency' | 'payer') {
  const now = gc.now()
  const standing = billStanding(record, shanghaiDate(now))
  const open = record.pendingOrderIds
    .map((id) => gc.engine.getOrder(id))
    .find((order) => order.status === 'created')
  const payer = view === 'payer'
  return {
    id: record.id,
    paymentCode: record.paymentCode,
    agencyCode: record.agencyCode,
    agencyName: record.agencyName,
    kind: record.kind,
    billType: record.billType,
    billNo: record.billNo,
    payerName: payer ? maskPayerName(record.payerName) : record.payerName,
    taxpayerId: record.taxpayerId && payer ? maskTaxpayerId(record.taxpayerId) : record.taxpayerId,
    taxPeriod: record.taxPeriod,
    items: record.items.map((item) => ({ ...item })),
    amount: record.amount,
    dueDate: record.dueDate,
    payableUntil: record.payableUntil,
    lateFee: record.lateFee ? { ...record.lateFee } : null,
    partial: record.partial ? { ...record.partial } : null,
    status: standing.status,
    paidPrincipal: standing.paidPrincipal,
    paidLateFee: standing.paidLateFee,
    lateFeeDue: standing.lateFeeDue,
    amountDue: standing.amountDue,
    payments: record.payments.map((payment) => ({
      orderId: payment.orderId,
      amount: payment.amount,
      principal: payment.principal,
      lateFee: payment.lateFee,
      paidAt: formatTimestamp(payment.paidAt),
      walletId: payer ? null : payment.walletId,
      ebill: {
        billCode: payment.ebill.billCode,
        number: payment.ebill.number,
        checkCode: payment.ebill.checkCode,
      },
    })),
    orderId: open?.id ?? null,
    qrPayload: open?.qrPayload ?? null,
    createdAt: formatTimestamp(record.createdAt),
  }
}

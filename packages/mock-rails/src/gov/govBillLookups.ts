import { notFound } from '../support/railsError.js'
import { shanghaiDate } from '../support/shanghaiTime.js'
import { billStanding } from './billStanding.js'
import { govBillErrors } from './govBillErrors.js'
import type { GovContext } from './govContext.js'
import type { GovPaymentBillRecord } from './govPaymentState.js'
import { settleGovBill } from './settleGovBill.js'

/** A registered bill by id (settled), or `not_found`. */
export function govBillById(gc: GovContext, billId: string): GovPaymentBillRecord {
  const record = gc.gov.govPaymentBills.get(billId)
  if (!record) throw notFound('bill', billId)
  settleGovBill(gc, record)
  return record
}

/**
 * A bill by 缴款码 and 执收单位编码 (settled): `bill_code_unknown` when no bill has the code,
 * `bill_agency_mismatch` when it was issued for another agency.
 */
export function govBillByCode(gc: GovContext, paymentCode: string, agencyCode: string): GovPaymentBillRecord {
  const id = gc.gov.govPaymentBillByCode.get(paymentCode)
  if (id === undefined) throw govBillErrors.unknownCode(paymentCode)
  const record = gc.gov.govPaymentBills.get(id)!
  if (record.agencyCode !== agencyCode) throw govBillErrors.wrongAgency(paymentCode, agencyCode)
  settleGovBill(gc, record)
  return record
}

/**
 * What `amount` (default: all of it) a bill can take today, or the typed refusal: paid already,
 * past its last payable day, more than is owed, a part on a bill that takes none or too small a part.
 */
export function payableAmount(gc: GovContext, record: GovPaymentBillRecord, amount?: number): number {
  const standing = billStanding(record, shanghaiDate(gc.now()))
  if (standing.status === 'paid')
    throw govBillErrors.alreadyPaid(record.paymentCode, record.payments.at(-1)?.ebill.number)
  if (standing.status === 'expired') throw govBillErrors.expired(record.paymentCode, record.payableUntil)
  const due = standing.amountDue
  if (amount === undefined || amount === due) return due
  const refuse = (message: string) => govBillErrors.invalidAmount(message, { amount, amountDue: due })
  if (amount > due) throw refuse(`${amount} fen is more than the ${due} fen due today.`)
  if (!record.partial) throw refuse(`This bill is paid in full only: ${due} fen today.`)
  if (amount < Math.min(record.partial.minAmount, due))
    throw refuse(`A part must be at least ${record.partial.minAmount} fen (${due} fen are due today).`)
  return amount
}

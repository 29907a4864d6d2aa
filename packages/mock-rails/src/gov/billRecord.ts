import type { MerchantContext } from '../merchants/merchantContext.js'
import type { BillRecord } from '../merchants/merchantState.js'
import { billToWire } from '../merchants/merchantWire.js'
import { notFound } from '../support/railsError.js'

/** The bill, or `not_found`. */
export function billRecord(mc: MerchantContext, billId: string): BillRecord {
  const found = mc.store.govBills.get(billId)
  if (!found) throw notFound('bill', billId)
  return found
}

/** A bill as the protocol shows it now (its status read from its orders). */
export const wireBill = (mc: MerchantContext, record: BillRecord) => billToWire(record, mc.engine, mc.now())

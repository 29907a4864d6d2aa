/**
 * Bills paid by 缴款码 (payment code), as the merchant domain exposes them: the agency registers a
 * bill, the payer looks it up by code and agency code and pays it by QR or from a wallet, each
 * payment gets an e-bill, and the agency reconciles per agency code.
 */
import type { MerchantContext } from '../merchants/merchantContext.js'
import { createGovBillCodeQr } from './createGovBillCodeQr.js'
import { govAgencyStatement } from './govAgencyStatement.js'
import { govBillByCode, govBillById } from './govBillLookups.js'
import { govBillToWire } from './govBillWire.js'
import { createGovContext } from './govContext.js'
import { checkGovEBill, govBillEBills } from './govEBill.js'
import { payGovBillWithWallet } from './payGovBillWithWallet.js'
import { registerGovBill } from './registerGovBill.js'

type Input<F> = F extends (gc: never, ...rest: infer R) => unknown ? R : never

export function createGovPaymentDomain(mc: MerchantContext) {
  const gc = createGovContext(mc)
  return {
    registerBill: (...args: Input<typeof registerGovBill>) => registerGovBill(gc, ...args),
    getBill: (billId: string) => govBillToWire(gc, govBillById(gc, billId), 'agency'),
    /** The merchant a registered bill belongs to (for access checks). */
    billMerchant: (billId: string): string => govBillById(gc, billId).merchantId,
    lookupBill: (input: { paymentCode: string; agencyCode: string }) =>
      govBillToWire(gc, govBillByCode(gc, input.paymentCode, input.agencyCode), 'payer'),
    createQr: (...args: Input<typeof createGovBillCodeQr>) => createGovBillCodeQr(gc, ...args),
    /** Pays from a wallet; the e-bill in the answer is unsigned (the HTTP route signs it). */
    payWithWallet: (...args: Input<typeof payGovBillWithWallet>) => payGovBillWithWallet(gc, ...args),
    eBills: (billId: string) => govBillEBills(gc, billId),
    checkEBill: (...args: Input<typeof checkGovEBill>) => checkGovEBill(gc, ...args),
    statement: (...args: Input<typeof govAgencyStatement>) => govAgencyStatement(gc, ...args),
  }
}

export type GovPaymentDomain = ReturnType<typeof createGovPaymentDomain>

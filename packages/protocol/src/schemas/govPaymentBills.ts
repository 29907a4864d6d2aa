/** Response shapes of the 缴款码 bill operations: the bill, the signed fiscal e-bill, the agency statement. */
import * as z from 'zod/mini'
import { fen, timestamp, tolerantEnum } from './common.js'

/** The JWS `typ` of a signed e-bill: it cannot pass for a response or a notification signature. */
export const ebillSignatureType = 'ecny-ebill+jws'
/** The `format` of a signed e-bill document. */
export const ebillFormat = 'ecny-ebill/1'

const item = z.looseObject({ code: z.string(), name: z.string(), amount: fen })

export const govBillPayment = z.looseObject({
  orderId: z.string(),
  amount: fen,
  principal: fen,
  lateFee: fen,
  paidAt: timestamp,
  /** The paying wallet (agency view only; null when looked up by code). */
  walletId: z.nullable(z.string()),
  /** The e-bill issued for this payment. */
  ebill: z.looseObject({ billCode: z.string(), number: z.string(), checkCode: z.string() }),
})

export const govPaymentBill = z.looseObject({
  id: z.string(),
  paymentCode: z.string(),
  agencyCode: z.string(),
  agencyName: z.string(),
  kind: tolerantEnum(['non_tax', 'tax']),
  billType: z.string(),
  billNo: z.nullable(z.string()),
  /** In full for the agency; masked (all but the last character) when looked up by code. */
  payerName: z.string(),
  taxpayerId: z.nullable(z.string()),
  taxPeriod: z.nullable(z.string()),
  items: z.array(item),
  /** The principal: the sum of the items. */
  amount: fen,
  dueDate: z.string(),
  payableUntil: z.string(),
  lateFee: z.nullable(z.looseObject({ dailyRatePerTenThousand: z.number(), cap: z.optional(z.unknown()) })),
  partial: z.nullable(z.looseObject({ minAmount: fen })),
  status: tolerantEnum(['unpaid', 'partially_paid', 'overdue', 'paid', 'expired']),
  paidPrincipal: fen,
  paidLateFee: fen,
  /** The late fee owed if paid today (rails clock, Asia/Shanghai). */
  lateFeeDue: fen,
  /** Everything owed if paid today: unpaid principal plus `lateFeeDue`. */
  amountDue: fen,
  payments: z.array(govBillPayment),
  orderId: z.nullable(z.string()),
  qrPayload: z.nullable(z.string()),
  createdAt: timestamp,
})
export type GovPaymentBill = z.infer<typeof govPaymentBill>

/** 财政电子票据 (or, for a tax payment, its 完税证明): what the gateway signs. */
export const govEBill = z.looseObject({
  documentType: tolerantEnum(['fiscal_ebill', 'tax_payment_certificate']),
  /** 票据代码 */
  billCode: z.string(),
  /** 票据号码 */
  number: z.string(),
  /** 校验码 */
  checkCode: z.string(),
  issuingAgency: z.looseObject({ code: z.string(), name: z.string() }),
  payerName: z.string(),
  taxpayerId: z.nullable(z.string()),
  paymentCode: z.string(),
  billType: z.string(),
  items: z.array(item),
  amount: fen,
  currency: z.literal('CNY'),
  paymentChannel: z.literal('e-CNY'),
  orderId: z.string(),
  paidAt: timestamp,
  issuedAt: timestamp,
})
export type GovEBill = z.infer<typeof govEBill>

/** A signed e-bill as saved: the e-bill and a compact JWS whose payload is that e-bill's JSON. */
export const signedGovEBill = z.looseObject({
  format: z.literal(ebillFormat),
  ebill: govEBill,
  signature: z.string(),
})
export type SignedGovEBill = z.infer<typeof signedGovEBill>

export const govEBillList = z.looseObject({ ebills: z.array(signedGovEBill) })

export const govPaymentResult = z.looseObject({
  bill: govPaymentBill,
  orderId: z.string(),
  ebill: signedGovEBill,
})
export type GovPaymentResult = z.infer<typeof govPaymentResult>

export const govAgencyStatement = z.looseObject({
  agencyCode: z.string(),
  date: z.string(),
  rows: z.array(
    z.looseObject({
      paidAt: timestamp,
      paymentCode: z.string(),
      billId: z.string(),
      billNo: z.nullable(z.string()),
      kind: z.string(),
      billType: z.string(),
      orderId: z.string(),
      ebillNumber: z.string(),
      principal: fen,
      lateFee: fen,
      amount: fen,
    }),
  ),
  totals: z.looseObject({ count: z.number(), principal: fen, lateFee: fen, amount: fen }),
})
export type GovAgencyStatement = z.infer<typeof govAgencyStatement>

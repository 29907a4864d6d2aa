/**
 * Request bodies of the 缴款码 (payment-code) bill operations: an agency registers a bill, the payer
 * looks it up by 缴款码 and 执收单位编码 and pays it (by QR or from a wallet), the payer or anyone
 * holding it checks the fiscal e-bill, and the agency reconciles per agency code.
 */
import * as z from 'zod/mini'
import { limits } from '../constants/limits.js'
import { amount, expirySeconds, gatewayId, merchantNumber, text, walletIdDigits } from './fields.js'

/** A 缴款码 as this protocol issues it: 20 digits, the last a Luhn (mod 10) check digit. */
export const govPaymentCodePattern = /^\d{20}$/
/** 执收单位编码: the collecting agency's code, 6–20 letters or digits. */
export const govAgencyCodePattern = /^[0-9A-Za-z]{6,20}$/

export const govPaymentCode = z
  .string()
  .check(z.regex(govPaymentCodePattern, 'expected the 20-digit 缴款码 (payment code)'))
export const govAgencyCode = z
  .string()
  .check(z.regex(govAgencyCodePattern, 'expected the 6–20 letter or digit 执收单位编码 (agency code)'))

const calendarDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'))

/** `non_tax`: fees, fines and charges (非税收入); `tax`: a tax payment. */
export const govBillKinds = ['non_tax', 'tax'] as const

/**
 * A late-fee rule as the bill states it: each day after the due date adds
 * `dailyRatePerTenThousand` / 10 000 of the unpaid principal, rounded down to the fen, up to `cap`.
 */
export const govLateFeeRule = z.object({
  /** 5 = 0.05 % a day (tax 滞纳金); 300 = 3 % a day (加处罚款 on a fine). */
  dailyRatePerTenThousand: z.number().check(z.int(), z.minimum(1), z.maximum(10_000)),
  /** `principal`: the fee never exceeds the bill's principal; a number: at most that many fen. */
  cap: z.optional(z.union([z.literal('principal'), amount])),
})

export const govBillItem = z.object({
  code: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,32}$/, 'expected 1–32 letters, digits, _ or -')),
  name: text(64),
  amount,
})

export const registerGovBillRequest = z.object({
  /** A `government` scene of the collecting merchant. */
  sceneId: gatewayId,
  kind: z.enum(govBillKinds),
  agencyCode: govAgencyCode,
  /** Default: the scene's agency. */
  agencyName: z.optional(text(limits.longTextLength)),
  /** One of the scene's bill types. */
  billType: text(32),
  /** The agency's own number: registering it again with the same details returns the same bill. */
  billNo: z.optional(merchantNumber),
  payerName: text(limits.longTextLength),
  /** Tax bills: the taxpayer's USCC or resident id (18 characters). */
  taxpayerId: z.optional(z.string().check(z.regex(/^[0-9A-Z]{18}$/, 'expected an 18-character id'))),
  /** Tax bills: the tax period, `YYYY-MM`. */
  taxPeriod: z.optional(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM'))),
  items: z.array(govBillItem).check(z.minLength(1), z.maxLength(20)),
  dueDate: calendarDate,
  /** Last day the code can be paid. Default: `dueDate` without a late-fee rule, else 180 days after it. */
  payableUntil: z.optional(calendarDate),
  lateFee: z.optional(govLateFeeRule),
  /** The bill may be paid in parts of at least `minAmount` fen (the last part may be smaller). */
  partial: z.optional(z.object({ minAmount: amount })),
})

export const lookupGovBillRequest = z.object({
  paymentCode: govPaymentCode,
  agencyCode: govAgencyCode,
})

export const createGovBillCodeQrRequest = z.object({
  /** Default: everything due today. A part needs a bill that allows partial payment. */
  amount: z.optional(amount),
  /** Default 900 s; never past midnight Asia/Shanghai (the late fee changes then). */
  expiresInSeconds: z.optional(expirySeconds),
})

export const payGovBillWithWalletRequest = z.object({
  paymentCode: govPaymentCode,
  agencyCode: govAgencyCode,
  walletId: walletIdDigits,
  /** Default: everything due today. */
  amount: z.optional(amount),
})

export const checkGovEBillRequest = z.object({
  /** 票据代码 */
  billCode: z.string().check(z.regex(/^\d{8}$/, 'expected the 8-digit bill code')),
  /** 票据号码 */
  number: z.string().check(z.regex(/^\d{10}$/, 'expected the 10-digit bill number')),
  /** 校验码 */
  checkCode: z.string().check(z.regex(/^[0-9A-F]{6}$/, 'expected the 6-character check code')),
})

export const govAgencyStatementQuery = z.object({
  agencyCode: govAgencyCode,
  date: calendarDate,
})

import { operations } from '@ecny/protocol'
import {
  type CallOptions,
  type ConflictError,
  type GovPaymentBill,
  positiveFenSchema,
  type RequestErrorType,
  type ResultUnknownError,
} from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { calendarDate, gatewayId, merchantNumber } from '../../internal/inputs.js'

const text = (noun: string, max: number) =>
  z
    .string({ error: `${noun} must be a string` })
    .check(
      z.trim(),
      z.minLength(1, { error: `${noun} must not be empty` }),
      z.maxLength(max, { error: `${noun} must be at most ${max} characters` }),
    )

/** Late fee per day, in ten-thousandths of the unpaid principal, as the law or the notice says. */
export const govLateFeeRules = {
  /** 税收征收管理法 第三十二条: 滞纳金 of 0.05 % of the unpaid tax a day, from the day after the deadline. */
  tax: { dailyRatePerTenThousand: 5 },
  /** 行政处罚法 第七十二条: 3 % of the fine a day, never more than the fine itself. */
  administrativeFine: { dailyRatePerTenThousand: 300, cap: 'principal' },
} as const

const registerGovBillParameters = z
  .object({
    /** A `government` scene of the collecting merchant. */
    sceneId: gatewayId('sceneId'),
    /** `non_tax` (fees, fines, charges: 非税收入) or `tax`. */
    kind: z.enum(['non_tax', 'tax'], { error: 'kind must be non_tax or tax' }),
    /** 执收单位编码: the collecting agency's code, printed on the notice next to the 缴款码. */
    agencyCode: z
      .string({ error: 'agencyCode must be a string' })
      .check(z.regex(/^[0-9A-Za-z]{6,20}$/, { error: 'agencyCode must be 6–20 letters or digits' })),
    /** Default: the scene's agency. */
    agencyName: z.optional(text('agencyName', 128)),
    /** One of the scene's `billTypes`. */
    billType: text('billType', 32),
    /** Your own number: registering it again with the same details returns the same bill. */
    billNo: z.optional(merchantNumber('billNo')),
    payerName: text('payerName', 128),
    /** Tax bills: the taxpayer's USCC or resident id. */
    taxpayerId: z.optional(
      z
        .string()
        .check(
          z.regex(/^[0-9A-Z]{18}$/, { error: 'taxpayerId must be the 18-character USCC or resident id' }),
        ),
    ),
    /** Tax bills: `YYYY-MM`. */
    taxPeriod: z.optional(
      z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'taxPeriod must be YYYY-MM' })),
    ),
    /** What is charged, line by line (at most 20); the bill's amount is their sum. */
    items: z
      .array(
        z.object({
          code: z
            .string()
            .check(
              z.regex(/^[A-Za-z0-9_-]{1,32}$/, { error: 'item code must be 1–32 letters, digits, _ or -' }),
            ),
          name: text('item name', 64),
          amount: positiveFenSchema,
        }),
      )
      .check(
        z.minLength(1, { error: 'items must list at least one item' }),
        z.maxLength(20, { error: 'items must list at most 20 items' }),
      ),
    /** Last day to pay without a late fee, `YYYY-MM-DD` (Asia/Shanghai). */
    dueDate: calendarDate('dueDate'),
    /** Last day the code can be paid at all. Default: dueDate, or 180 days later with a late-fee rule. */
    payableUntil: z.optional(calendarDate('payableUntil')),
    /** The late-fee rule the bill states, e.g. `govLateFeeRules.tax`. None: no late fee. */
    lateFee: z.optional(
      z.object({
        dailyRatePerTenThousand: z
          .number()
          .check(
            z.int(),
            z.minimum(1, { error: 'dailyRatePerTenThousand must be 1–10000' }),
            z.maximum(10_000),
          ),
        cap: z.optional(z.union([z.literal('principal'), positiveFenSchema])),
      }),
    ),
    /** Whether the bill may be paid in parts, and the smallest part. None: in full only. */
    partial: z.optional(z.object({ minAmount: positiveFenSchema })),
  })
  .check(
    z.refine(
      (bill) => bill.kind !== 'tax' || (bill.taxpayerId !== undefined && bill.taxPeriod !== undefined),
      {
        error: 'a tax bill needs taxpayerId and taxPeriod',
        path: ['taxpayerId'],
      },
    ),
  )

export type RegisterGovBillParameters = z.input<typeof registerGovBillParameters>
export type RegisterGovBillReturnType = GovPaymentBill
/** What registerGovBill can throw: see each code in docs/errors.md. */
export type RegisterGovBillErrorType = ConflictError | ResultUnknownError | RequestErrorType

/**
 * Registers a bill for payment by 缴款码 — the agency side of a non-tax or tax payment: items,
 * amount, due date, and the late-fee and partial-payment rules the bill states. The gateway issues
 * its 缴款码 (`paymentCode`): print it on the notice with your `agencyCode`; the payer looks the bill
 * up and pays it from any wallet app, or scans the QR from `qrForPaymentBill`.
 *
 * @example
 * const bill = await registerGovBill(client, {
 *   sceneId, kind: 'non_tax', agencyCode: '320500001', billType: 'fine', payerName: '李四',
 *   items: [{ code: 'FINE', name: '交通违法罚款', amount: 20_000 }], dueDate: '2026-03-31',
 *   lateFee: govLateFeeRules.administrativeFine,
 * })
 * printNotice(bill.paymentCode, bill.agencyCode)
 */
export async function registerGovBill(
  client: MerchantBaseClient,
  parameters: RegisterGovBillParameters,
  options: CallOptions = {},
): Promise<RegisterGovBillReturnType> {
  const body = parseInput(registerGovBillParameters, parameters, 'government bill')
  return client.request({ ...fromOperation(operations.registerGovBill), body, ...options })
}

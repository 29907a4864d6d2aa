import { InvalidRequestError } from '@ecny/sdk-core'
import { z } from '@ecny/sdk-core/internal'

/** Hundredths: CMB's percents are BigDecimal(18,2), so 0.35 is 35 and they must add up to 100. */
const hundredths = (value: number) => Math.round(value * 100)

const benefit = z.object({
  /** The wallet that receives this share (≤ 16 characters). */
  benefitWalletId: z
    .string({ error: 'benefitWalletId must be a string' })
    .check(z.minLength(1), z.maxLength(16, { error: 'benefitWalletId must be at most 16 characters' })),
  /** Its share: 0.1 is 10 %, at most two decimals. */
  percent: z.number({ error: 'percent must be a number' }).check(
    z.refine((p) => p > 0 && p <= 1, { error: 'percent must be more than 0 and at most 1' }),
    z.refine((p) => Math.abs(p * 100 - hundredths(p)) < 1e-9, { error: 'percent has at most two decimals' }),
  ),
})

/**
 * A smart-contract payment (CMB `contractUnifiedOrder`, §2.7.2.1): clearing delayed by `delayTime`
 * `timeUnit`s, then the amount split across `benefitList`, whose percents must add up to exactly 1.
 */
export const contractPaymentSchema = z
  .object({
    delayTime: z
      .number({ error: 'delayTime must be a number' })
      .check(z.int({ error: 'delayTime must be a whole number' }), z.minimum(0)),
    timeUnit: z.enum(['day', 'hour', 'minute'], { error: 'timeUnit must be day, hour or minute' }),
    benefitList: z.array(benefit).check(z.minLength(1, { error: 'benefitList needs at least one share' })),
    /** Your customer's ID at CMB (`customId`); default: the merchant order number. */
    customId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  })
  .check(
    z.refine((c) => c.benefitList.reduce((sum, b) => sum + hundredths(b.percent), 0) === 100, {
      error: 'benefitList percents must add up to 1',
      path: ['benefitList'],
    }),
  )

export type ContractPayment = z.output<typeof contractPaymentSchema>

/** Integer fen as CMB's yuan decimals: 1250 → `12.50`. */
export function fenToYuan(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}

/** `12.50` → 1250; `undefined` for anything else. */
export function yuanToFen(yuan: unknown): number | undefined {
  const m =
    typeof yuan === 'string' || typeof yuan === 'number' ? /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(yuan)) : null
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0')) : undefined
}

/**
 * Checks a contract payment and builds CMB's `contractReq` for an order.
 *
 * @example
 * contractRequestOf({ delayTime: 1, timeUnit: 'day', benefitList: [{ benefitWalletId: 'W1', percent: 1 }] },
 *   { merchantOrderNo: 'A-1', amount: 1250, description: 'Latte' })
 */
export function contractRequestOf(
  input: unknown,
  order: { merchantOrderNo: string; amount: number; description: string },
): Record<string, unknown> {
  const parsed = z.safeParse(contractPaymentSchema, input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new InvalidRequestError(
      'invalid_request',
      `Invalid contract payment: contract.${issue.path.join('.') || '(root)'}: ${issue.message}.`,
      { hint: 'Fix the field named above; nothing was sent to CMB.' },
    )
  }
  const contract = parsed.data
  const amount = fenToYuan(order.amount)
  return {
    customId: contract.customId ?? order.merchantOrderNo,
    goodsOrderId: order.merchantOrderNo,
    goodsInfos: [{ goodsInfo: order.description, goodsAmounts: amount }],
    goodsOrderAmounts: amount,
    delayTime: contract.delayTime,
    timeUnit: contract.timeUnit,
    benefitList: contract.benefitList.map((b) => ({
      benefitWalletId: b.benefitWalletId,
      percent: (hundredths(b.percent) / 100).toFixed(2),
    })),
  }
}

/** A smart-contract payment on a QR order: delayed clearing, then a profit split (both dialects). */
import * as z from 'zod/mini'

/** A share in hundredths: percents carry two decimals (CMB's BigDecimal(18,2)), so 0.35 is 35. */
export const contractShareHundredths = (percent: number): number => Math.round(percent * 100)

const contractBenefit = z.object({
  /** The wallet that receives this share (≤ 16 characters). */
  benefitWalletId: z
    .string({ error: 'benefitWalletId must be a string' })
    .check(
      z.minLength(1, { error: 'benefitWalletId must not be empty' }),
      z.maxLength(16, { error: 'benefitWalletId must be at most 16 characters' }),
    ),
  /** Its share: 0.1 is 10 %, at most two decimals. */
  percent: z.number({ error: 'percent must be a number' }).check(
    z.refine((p) => p > 0 && p <= 1, { error: 'percent must be more than 0 and at most 1' }),
    z.refine((p) => Math.abs(p * 100 - contractShareHundredths(p)) < 1e-9, {
      error: 'percent has at most two decimals',
    }),
  ),
})

/**
 * A smart-contract payment (CMB `contractUnifiedOrder`, §2.7.2.1): clearing is delayed by
 * `delayTime` `timeUnit`s after the payment, then the amount (less refunds) is split across
 * `benefitList`, whose percents must add up to exactly 1.
 */
export const contractPayment = z
  .object({
    delayTime: z
      .number({ error: 'delayTime must be a number' })
      .check(
        z.int({ error: 'delayTime must be a whole number' }),
        z.minimum(0, { error: 'delayTime must not be negative' }),
      ),
    timeUnit: z.enum(['day', 'hour', 'minute'], { error: 'timeUnit must be day, hour or minute' }),
    benefitList: z
      .array(contractBenefit)
      .check(z.minLength(1, { error: 'benefitList needs at least one share' })),
    /** The payer's ID at the operator (CMB `customId`); default: the merchant order number. */
    customId: z.optional(
      z
        .string({ error: 'customId must be a string' })
        .check(
          z.minLength(1, { error: 'customId must not be empty' }),
          z.maxLength(64, { error: 'customId must be at most 64 characters' }),
        ),
    ),
  })
  .check(
    z.refine((c) => c.benefitList.reduce((sum, b) => sum + contractShareHundredths(b.percent), 0) === 100, {
      error: 'benefitList percents must add up to 1',
      path: ['benefitList'],
    }),
  )

export type ContractPayment = z.output<typeof contractPayment>

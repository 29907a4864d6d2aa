/**
 * Input schemas shared by the merchant actions (zod/mini, so they stay small in a bundle). Not part
 * of the public surface.
 */
import { forbiddenGoodsNameChars, limits, merchantNumberPattern } from '@ecny/protocol'
import { gatewayId, z } from '@ecny/sdk-core/internal'

/** An id the gateway issued: the wallet side's schema (one rule for both sides). */
export { gatewayId }

/** A number you chose (merchant order or refund number): unique per merchant, reused on retry. */
export function merchantNumber(noun: string) {
  return z.string({ error: `${noun} must be a string` }).check(
    z.regex(merchantNumberPattern, {
      error: `${noun} must be 1–${limits.merchantNumberLength} letters, digits, _ or - (you choose it; reuse it when you retry)`,
    }),
  )
}

/** Goods name on an order (CMB `ecnyPayment`): 1–40 characters, none of `/ = &`. */
export const goodsNameSchema = z.string({ error: 'description must be a string' }).check(
  z.minLength(1, { error: 'description must not be empty' }),
  z.maxLength(limits.goodsNameLength, {
    error: (issue) =>
      `description must be at most ${limits.goodsNameLength} characters (got ${String(issue.input).length})`,
  }),
  z.refine((text: string) => !forbiddenGoodsNameChars.some((char) => text.includes(char)), {
    error: 'description must not contain "/", "=" or "&" (the gateway rejects them in goods names)',
  }),
)

const chinese = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/

/** Terminal number on an order: 1–32 printable ASCII characters, no Chinese. */
export const terminalNoSchema = z.string({ error: 'terminalId must be a string' }).check(
  z.minLength(1, { error: 'terminalId must not be empty' }),
  z.maxLength(limits.terminalNoLength, {
    error: (issue) =>
      `terminalId must be at most ${limits.terminalNoLength} characters (got ${String(issue.input).length})`,
  }),
  z.superRefine((value: string, ctx) => {
    if (chinese.test(value)) ctx.addIssue('terminalId must not contain Chinese characters')
    else if (!/^[\x21-\x7e]+$/.test(value))
      ctx.addIssue('terminalId may contain only printable ASCII characters, no spaces')
  }),
)

/** Trade place (CMB `ecnyPayment`): at most 128 characters. */
export const tradePlaceSchema = z
  .string()
  .check(z.maxLength(limits.longTextLength, { error: `must be at most ${limits.longTextLength} characters` }))

/** A notification URL: http(s) only. */
export const notifyUrlSchema = z.url({ protocol: /^https?$/, error: 'notifyUrl must be an http(s) URL' })

/** Whole seconds in a range. */
export function seconds(field: string, minimum: number, maximum: number) {
  return z
    .number({ error: `${field} must be a number of seconds` })
    .check(
      z.int({ error: `${field} must be a whole number of seconds` }),
      z.minimum(minimum, { error: `${field} must be at least ${minimum}` }),
      z.maximum(maximum, { error: `${field} must be at most ${maximum}` }),
    )
}

/** Whole milliseconds, at least `minimum`. */
export function milliseconds(field: string, minimum: number) {
  return z
    .number({ error: `${field} must be a number of milliseconds` })
    .check(
      z.int({ error: `${field} must be a whole number of milliseconds` }),
      z.minimum(minimum, { error: `${field} must be at least ${minimum} ms` }),
    )
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function calendarDate(field: string) {
  return z.string({ error: `${field} must be a string` }).check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${field} must be a date written YYYY-MM-DD`, abort: true }),
    z.refine(
      (value: string) => {
        const date = new Date(`${value}T00:00:00Z`)
        return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
      },
      { error: `${field} is not a real calendar date` },
    ),
  )
}

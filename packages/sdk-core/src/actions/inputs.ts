/**
 * Input schemas shared by the wallet-side actions (zod/mini, so they stay small in a browser bundle).
 * Not part of the public surface.
 */
import { gatewayIdPattern, limits, walletLevels } from '@ecny/protocol'
import * as z from 'zod/mini'
import { normalizeMobile } from '../ids/normalizeMobile.js'
import { mobileSchema, walletIdSchema } from '../ids/schemas.js'

export { walletIdSchema }

/**
 * An id the gateway issued (order, transfer, sub-wallet, campaign, merchant): 1–64 letters, digits,
 * `_` or `-`. Checked so that it is safe to put in a URL path.
 */
export function gatewayId(noun: string) {
  return z.string({ error: `${noun} must be a string` }).check(
    z.regex(gatewayIdPattern, {
      error: `${noun} must be 1–${limits.idLength} letters, digits, _ or - (as the gateway issued it)`,
    }),
  )
}

export const levelSchema = z.enum(walletLevels, {
  error: 'level must be one of WL01, WL02, WL03, WL04',
})

/** Holder name as on the ID card: 1–64 characters. */
export const nameSchema = z
  .string({ error: 'name must be a string' })
  .check(
    z.trim(),
    z.minLength(1, { error: 'name must not be empty' }),
    z.maxLength(limits.nameLength, { error: `name must be at most ${limits.nameLength} characters` }),
  )

/**
 * A mainland mobile number, or (for anonymous WL04 wallets, which accept foreign numbers) an E.164
 * number such as `+85291234567`. A mainland number written `+8613812341234` or `008613812341234` is
 * parsed to its 11 digits, so it is one identity whichever way it is typed.
 */
export const anyMobileSchema = z.string({ error: 'mobile number must be a string' }).check(
  // +86 / 0086 in front of a mainland number: the same person as the 11 digits, so stored as those.
  z.overwrite(normalizeMobile),
  z.superRefine((value: string, ctx) => {
    // A +86 number still here is no mainland mobile: judged (and explained) as one below.
    if (value.startsWith('+') && !value.startsWith('+86')) {
      if (!/^\+[1-9][0-9]{6,14}$/.test(value))
        ctx.addIssue('mobile number in international form must be + and 7–15 digits')
      return
    }
    const mainland = z.safeParse(mobileSchema, value)
    if (!mainland.success) ctx.addIssue(mainland.error.issues[0]?.message ?? 'mobile number is not valid')
  }),
)

/** The holder's 6-digit payment password (redacted in logs, like every `password` field). */
export const paymentPasswordSchema = z.optional(
  z.string().check(z.regex(/^\d{6}$/, { error: 'password must be 6 digits' })),
)

/** Page size for list calls: 1–100. */
export const pageSizeSchema = z.optional(
  z.number().check(z.int({ error: 'pageSize must be a whole number' }), z.minimum(1), z.maximum(100)),
)

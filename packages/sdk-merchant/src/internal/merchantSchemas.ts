/** Input schemas of merchant applications, shared by create and update. */

import { idTypes } from '@ecny/protocol'
import { mainlandMobileInputSchema, mccSchema, residentIdSchema, uscc, walletIdSchema } from '@ecny/sdk-core'
import { z } from '@ecny/sdk-core/internal'
import { notifyUrlSchema } from './inputs.js'

/**
 * Identity document types seen in real operator schemas: `IT01` resident ID card … `IT14` USCC
 * certificate, `IT99` other (the protocol's list). Only `IT01` numbers are checked in depth.
 */
export { idTypes }
export type IdType = (typeof idTypes)[number]

const personName = z
  .string({ error: 'name must be a string' })
  .check(
    z.trim(),
    z.minLength(1, { error: 'name must not be empty' }),
    z.maxLength(64, { error: 'name must be at most 64 characters' }),
  )

export const legalRepresentativeSchema = z.discriminatedUnion(
  'idType',
  [
    z.object({ name: personName, idType: z.literal('IT01'), idNumber: residentIdSchema }),
    z.object({
      name: personName,
      idType: z.enum(
        idTypes.filter((type) => type !== 'IT01') as [Exclude<IdType, 'IT01'>, ...Exclude<IdType, 'IT01'>[]],
      ),
      idNumber: z
        .string({ error: 'idNumber must be a string' })
        .check(
          z.minLength(1, { error: 'idNumber must not be empty' }),
          z.maxLength(32, { error: 'idNumber must be at most 32 characters' }),
        ),
    }),
  ],
  { error: 'idType must be IT01 (resident ID card) … IT14, or IT99 (other)' },
)

export const legalNameSchema = z
  .string({ error: 'legalName must be a string' })
  .check(
    z.trim(),
    z.minLength(1, { error: 'legalName must not be empty' }),
    z.maxLength(128, { error: 'legalName must be at most 128 characters' }),
  )

/** The application fields; `allowInvalidCheck` accepts a registered USCC whose check character fails. */
export function applicationFields(allowInvalidCheck: boolean) {
  return {
    /** The licence name; the settlement wallet's account name must be exactly this. */
    legalName: legalNameSchema,
    uscc: uscc({ allowInvalidCheck }),
    /** Set only for a registered code that fails the GB 32100-2015 check, after checking the licence. */
    allowInvalidUsccCheck: z.optional(z.boolean({ error: 'allowInvalidUsccCheck must be true or false' })),
    mcc: mccSchema,
    legalRepresentative: legalRepresentativeSchema,
    /** 11 digits, or +86 / 0086 in front (sent as the 11 digits, the same number wallets store). */
    contactMobile: mainlandMobileInputSchema,
    /** The corporate (WT09) wallet payments settle into, bound to an account in the licence name. */
    settlementWalletId: walletIdSchema,
    notifyUrl: z.optional(notifyUrlSchema),
  }
}

/** Reads the override flag before the schema is built, so the USCC check knows whether to apply. */
export function allowsInvalidUscc(input: unknown): boolean {
  return (
    typeof input === 'object' &&
    input !== null &&
    (input as { allowInvalidUsccCheck?: unknown }).allowInvalidUsccCheck === true
  )
}

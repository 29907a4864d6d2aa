import * as z from 'zod/mini'
import { positiveFenSchema } from '../money/schemas.js'

/** A WT10 sub-wallet's cap as input: fen, at least 1. */
export const corporateCapSchema = positiveFenSchema

/**
 * New caps for a sub-wallet: each one given replaces the old, `null` removes it, one left out stays.
 * At least one must be given.
 */
export const corporateCapsChangeSchema = z
  .object({
    single: z.optional(z.nullable(corporateCapSchema)),
    daily: z.optional(z.nullable(corporateCapSchema)),
    balance: z.optional(z.nullable(corporateCapSchema)),
  })
  .check(
    z.refine((caps) => Object.values(caps).some((cap) => cap !== undefined), {
      error: 'caps must name at least one of single, daily, balance (null removes a cap)',
    }),
  )

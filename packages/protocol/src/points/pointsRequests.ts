/** Request bodies of the points operations (zod/mini). */
import * as z from 'zod/mini'
import { amount } from '../requests/fields.js'

const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected 1–64 letters, digits, _ or -'))
const count = z.number().check(z.int(), z.minimum(0), z.maximum(100_000_000))

export const redeemPointsRequest = z.object({
  /**
   * The open (unpaid) order the points pay part of: the wallet then pays `amount − points' value`
   * and the programme's fund pays the rest to the merchant.
   */
  orderId: id,
  points: z.number().check(z.int(), z.minimum(1), z.maximum(100_000_000)),
})

export const adjustPointsRequest = z.object({
  /** Signed points; a campaign team's correction. */
  points: z.number().check(z.int(), z.minimum(-100_000_000), z.maximum(100_000_000)),
  reason: z.string().check(z.minLength(1), z.maxLength(200)),
})

export const updatePointsRulesRequest = z.object({
  newWallet: z.optional(count),
  perTransfer: z.optional(count),
  perTopUp: z.optional(count),
  creditAfterWorkingDays: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(60))),
  validForDays: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(3660))),
  redemptionsPerDay: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(1000))),
  fenPerPoint: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(10_000))),
})

/** Money the programme's organiser puts into the points fund (from outside the rails, like a top-up). */
export const fundPointsRequest = z.object({ amount })

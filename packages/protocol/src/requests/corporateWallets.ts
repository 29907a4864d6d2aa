/** Request bodies of the corporate (对公) parent and sub-wallet operations. */
import * as z from 'zod/mini'
import { limits } from '../constants/limits.js'
import { amount, gatewayId, text } from './fields.js'

/** A WT10 sub-wallet's own caps in fen; a cap left out is not applied (the parent has none). */
const unitCaps = z.object({
  single: z.optional(amount),
  daily: z.optional(amount),
  balance: z.optional(amount),
})

export const openCorporateSubWalletRequest = z.object({
  /** The department or store the sub-wallet is for, e.g. `徐汇店`, `采购部`. */
  name: text(limits.nameLength),
  caps: z.optional(unitCaps),
})

/**
 * New caps for a WT10 sub-wallet, set by its parent: each cap given replaces the old one, `null`
 * removes it, a cap left out stays as it is. At least one must be given.
 */
export const updateCorporateSubWalletCapsRequest = z.object({
  caps: z
    .object({
      single: z.optional(z.nullable(amount)),
      daily: z.optional(z.nullable(amount)),
      balance: z.optional(z.nullable(amount)),
    })
    .check(
      z.refine((caps) => Object.values(caps).some((cap) => cap !== undefined), {
        message: 'name at least one of single, daily, balance (null removes a cap)',
      }),
    ),
  memo: z.optional(z.string().check(z.maxLength(limits.memoLength))),
})

/** Closing a WT10 sub-wallet: an optional note kept with the closing collection. */
export const closeCorporateSubWalletRequest = z.object({
  memo: z.optional(z.string().check(z.maxLength(limits.memoLength))),
})

export const corporateFundsMovementRequest = z.object({
  subWalletId: gatewayId,
  /** Fen to move; for a collection, leave it out to sweep the whole balance back to the parent. */
  amount: z.optional(amount),
  memo: z.optional(z.string().check(z.maxLength(limits.memoLength))),
})

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

export const corporateFundsMovementRequest = z.object({
  subWalletId: gatewayId,
  /** Fen to move; for a collection, leave it out to sweep the whole balance back to the parent. */
  amount: z.optional(amount),
  memo: z.optional(z.string().check(z.maxLength(limits.memoLength))),
})

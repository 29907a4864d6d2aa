import * as z from 'zod/mini'
import { walletIdSchema } from '../actions/inputs.js'
import { positiveFenSchema } from '../money/schemas.js'

/** The parent (WT09) wallet and one of its WT10 sub-wallets, with an amount in fen. */
export const corporateMovementShape = {
  /** The company's WT09 wallet. */
  walletId: walletIdSchema,
  /** One of its WT10 sub-wallets. */
  subWalletId: walletIdSchema,
  /** A note kept with the movement: at most 64 characters. */
  memo: z.optional(z.string().check(z.maxLength(64, { error: 'memo must be at most 64 characters' }))),
}

export const corporateAmountSchema = positiveFenSchema

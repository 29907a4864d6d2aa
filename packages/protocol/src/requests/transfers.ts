/** Request bodies of the transfer operations. */
import * as z from 'zod/mini'
import { limits } from '../constants/limits.js'
import { amount, gatewayId, paymentPassword } from './fields.js'

export const createTransferRequest = z.object({
  fromWalletId: gatewayId,
  toWalletId: gatewayId,
  amount,
  memo: z.optional(z.string().check(z.maxLength(limits.memoLength))),
  campaignId: z.optional(gatewayId),
  /** The sender's 6-digit payment password; without it the transfer is password-free (小额免密). */
  password: z.optional(paymentPassword),
})

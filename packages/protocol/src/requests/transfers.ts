/** Request bodies of the transfer operations. */
import * as z from 'zod/mini'
import { limits } from '../constants/limits.js'
import { amount, gatewayId } from './fields.js'

export const createTransferRequest = z.object({
  fromWalletId: gatewayId,
  toWalletId: gatewayId,
  amount,
  memo: z.optional(z.string().check(z.maxLength(limits.memoLength))),
  campaignId: z.optional(gatewayId),
})

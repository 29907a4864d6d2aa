/** Request bodies of the wallet operations. */
import * as z from 'zod/mini'
import { limits } from '../constants/limits.js'
import { amount, gatewayId, paymentPassword, text } from './fields.js'

const level = z.enum(['WL01', 'WL02', 'WL03', 'WL04'])
const bankCard = z.object({ number: text(19), holderName: text(limits.nameLength) })
const counterVerification = z.object({ branchId: text(32) })

export const openWalletRequest = z.object({
  type: z.optional(z.enum(['WT01', 'WT09'])),
  level: z.optional(level),
  mobile: z.optional(text(16)),
  name: z.optional(text(limits.nameLength)),
  idNumber: z.optional(text(18)),
  bankCard: z.optional(bankCard),
  counterVerification: z.optional(counterVerification),
  entity: z.optional(z.object({ legalName: text(limits.longTextLength), uscc: text(18) })),
  /** WT09: accept a registered USCC whose check character fails (GB 32100-2015; never silently). */
  allowInvalidUsccCheck: z.optional(z.boolean()),
  settlementAccount: z.optional(z.object({ accountNo: text(32), accountName: text(limits.longTextLength) })),
  tags: z.optional(z.array(text(limits.tagLength)).check(z.maxLength(limits.maxTags))),
  /** WT01: the holder's 6-digit payment password (sandbox default `123456` when left out). */
  paymentPassword: z.optional(paymentPassword),
})

export const upgradeWalletRequest = z.object({
  level,
  name: z.optional(text(limits.nameLength)),
  idNumber: z.optional(text(18)),
  bankCard: z.optional(bankCard),
  counterVerification: z.optional(counterVerification),
})

export const bankMovementRequest = z.object({ amount, bankCard: z.optional(text(19)) })

export const createSubWalletRequest = z.object({
  merchantId: gatewayId,
  caps: z.object({ single: amount, daily: amount }),
})

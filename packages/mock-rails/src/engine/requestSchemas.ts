/**
 * Request bodies the rails accept, as zod (mini) schemas. Operations parse their parameters with
 * these, and the OpenAPI document is generated from them, so the code and the published contract
 * cannot drift.
 */
import * as z from 'zod/mini'

/** Integer fen, at least 1. */
export const amount = z.number().check(z.int(), z.minimum(1), z.maximum(1_000_000_000_000))
const nonEmpty = (max: number) => z.string().check(z.minLength(1), z.maxLength(max))
const level = z.enum(['WL01', 'WL02', 'WL03', 'WL04'])
const bankCard = z.object({ number: nonEmpty(19), holderName: nonEmpty(64) })
const counterVerification = z.object({ branchId: nonEmpty(32) })

export const openWalletRequest = z.object({
  type: z.optional(z.enum(['WT01', 'WT09'])),
  level: z.optional(level),
  mobile: z.optional(nonEmpty(16)),
  name: z.optional(nonEmpty(64)),
  idNumber: z.optional(nonEmpty(18)),
  bankCard: z.optional(bankCard),
  counterVerification: z.optional(counterVerification),
  entity: z.optional(z.object({ legalName: nonEmpty(128), uscc: nonEmpty(18) })),
  settlementAccount: z.optional(z.object({ accountNo: nonEmpty(32), accountName: nonEmpty(128) })),
  tags: z.optional(z.array(nonEmpty(64)).check(z.maxLength(50))),
})

export const upgradeWalletRequest = z.object({
  level,
  name: z.optional(nonEmpty(64)),
  idNumber: z.optional(nonEmpty(18)),
  bankCard: z.optional(bankCard),
  counterVerification: z.optional(counterVerification),
})

export const bankMovementRequest = z.object({ amount, bankCard: z.optional(nonEmpty(19)) })

export const createSubWalletRequest = z.object({
  merchantId: nonEmpty(64),
  caps: z.object({ single: amount, daily: amount }),
})

/** Goods description: ≤ 40 characters, none of `/ = &` (CMB `ecnyPayment` rules). */
export const description = z.string().check(
  z.minLength(1),
  z.maxLength(40),
  z.refine((text) => !/[/=&]/.test(text), { message: 'must not contain / = or &' }),
)

export const createOrderRequest = z
  .object({
    merchantId: z.optional(nonEmpty(64)),
    merchantOrderNo: z
      .string()
      .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected 1–64 letters, digits, _ or -')),
    amount,
    description,
    mode: z.enum(['qr', 'payment_code', 'sub_wallet', 'app']),
    paymentCode: z.optional(z.string().check(z.regex(/^\d{19}$/, 'expected the 19-digit payment code'))),
    subWalletId: z.optional(nonEmpty(64)),
    expiresInSeconds: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(7 * 86_400))),
    sceneId: z.optional(nonEmpty(64)),
    terminalId: z.optional(
      z.string().check(z.regex(/^[\x21-\x7e]{1,32}$/, 'expected ≤ 32 printable ASCII characters')),
    ),
    notifyUrl: z.optional(z.url({ protocol: /^https?$/ })),
  })
  .check(
    z.refine((order) => order.mode !== 'payment_code' || order.paymentCode !== undefined, {
      message: 'required when mode is payment_code',
      path: ['paymentCode'],
    }),
    z.refine((order) => order.mode !== 'sub_wallet' || order.subWalletId !== undefined, {
      message: 'required when mode is sub_wallet',
      path: ['subWalletId'],
    }),
  )

export const payOrderRequest = z.object({
  walletId: nonEmpty(64),
  /** Use this campaign's benefit (a held voucher, or an order campaign); default: the best one eligible. */
  campaignId: z.optional(nonEmpty(64)),
})

export const resolveQrRequest = z.object({ payload: nonEmpty(512) })

export const createRefundRequest = z.object({
  merchantRefundNo: z
    .string()
    .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected 1–64 letters, digits, _ or -')),
  amount,
  reason: z.optional(z.string().check(z.maxLength(80))),
})

export const createTransferRequest = z.object({
  fromWalletId: nonEmpty(64),
  toWalletId: nonEmpty(64),
  amount,
  memo: z.optional(z.string().check(z.maxLength(64))),
  campaignId: z.optional(nonEmpty(64)),
})

export const createClientTokenRequest = z.object({
  scope: z.object({ type: z.enum(['order', 'wallet', 'wallet_opening']), id: nonEmpty(64) }),
  ttlSeconds: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(900))),
})

import * as z from 'zod/mini'
import { currency, fen, timestamp, tolerantEnum } from './common.js'

export const orderModes = ['qr', 'payment_code', 'sub_wallet', 'app'] as const
export type OrderMode = (typeof orderModes)[number]

export const orderStatuses = [
  'created',
  'processing',
  'succeeded',
  'failed',
  'closed',
  'canceled',
  'refunding',
  'partially_refunded',
  'refunded',
] as const
export type OrderStatus = (typeof orderStatuses)[number] | 'unknown'

/** States an order never leaves by itself (refunds may still move a paid order on). */
export const finalOrderStatuses: readonly OrderStatus[] = [
  'succeeded',
  'failed',
  'closed',
  'canceled',
  'partially_refunded',
  'refunded',
]

export const order = z.looseObject({
  id: z.string(),
  merchantId: z.string(),
  merchantOrderNo: z.string(),
  mode: tolerantEnum(orderModes),
  status: tolerantEnum(orderStatuses),
  amount: fen,
  /** What the payer's wallet was charged after campaign benefits. */
  paidAmount: fen,
  refundedAmount: fen,
  currency,
  description: z.string(),
  sceneId: z.optional(z.nullable(z.string())),
  terminalId: z.optional(z.nullable(z.string())),
  payerWalletId: z.optional(z.nullable(z.string())),
  qrPayload: z.optional(z.nullable(z.string())),
  appPayload: z.optional(z.nullable(z.string())),
  benefit: z.optional(
    z.nullable(z.looseObject({ campaignId: z.string(), claimId: z.string(), amount: fen })),
  ),
  failureCode: z.optional(z.nullable(z.string())),
  failureMessage: z.optional(z.nullable(z.string())),
  expiresAt: timestamp,
  paidAt: z.optional(z.nullable(timestamp)),
  createdAt: timestamp,
  updatedAt: timestamp,
})
export type Order = z.infer<typeof order>

export const qrResolution = z.looseObject({
  orderId: z.string(),
  merchantId: z.string(),
  merchantName: z.string(),
  amount: fen,
  currency,
  description: z.string(),
  status: tolerantEnum(orderStatuses),
  expiresAt: timestamp,
})
export type QrResolution = z.infer<typeof qrResolution>

export const refundStatuses = ['processing', 'succeeded', 'failed'] as const
export const refund = z.looseObject({
  id: z.string(),
  orderId: z.string(),
  merchantRefundNo: z.string(),
  amount: fen,
  /** Campaign benefit taken back from the payer under the campaign's refund policy. */
  benefitClawback: fen,
  status: tolerantEnum(refundStatuses),
  reason: z.optional(z.nullable(z.string())),
  createdAt: timestamp,
  succeededAt: z.optional(z.nullable(timestamp)),
})
export type Refund = z.infer<typeof refund>

export const transfer = z.looseObject({
  id: z.string(),
  fromWalletId: z.string(),
  toWalletId: z.string(),
  amount: fen,
  currency,
  status: tolerantEnum(['succeeded', 'failed']),
  memo: z.optional(z.nullable(z.string())),
  campaignId: z.optional(z.nullable(z.string())),
  reward: z.optional(
    z.nullable(
      z.looseObject({
        granted: z.boolean(),
        amount: z.optional(fen),
        points: z.optional(z.number()),
        claimId: z.optional(z.nullable(z.string())),
        /** Why no reward was granted, e.g. `claim_cap_reached`, `below_minimum`, `budget_exhausted`. */
        reason: z.optional(z.nullable(z.string())),
      }),
    ),
  ),
  createdAt: timestamp,
})
export type Transfer = z.infer<typeof transfer>

export const clientToken = z.looseObject({
  token: z.string(),
  scope: z.looseObject({ type: tolerantEnum(['order', 'wallet', 'wallet_opening']), id: z.string() }),
  expiresAt: timestamp,
})
export type ClientToken = z.infer<typeof clientToken>

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
  /** What the payer's wallet was charged after campaign benefits and points. */
  paidAmount: fen,
  /**
   * What the payer's wallet is asked for before any campaign benefit: `amount` less the value of
   * points redeemed against the order (`pointsRedeemed`). Equal to `amount` without points.
   */
  amountDue: z.optional(fen),
  refundedAmount: fen,
  currency,
  description: z.string(),
  sceneId: z.optional(z.nullable(z.string())),
  terminalId: z.optional(z.nullable(z.string())),
  payerWalletId: z.optional(z.nullable(z.string())),
  qrPayload: z.optional(z.nullable(z.string())),
  appPayload: z.optional(z.nullable(z.string())),
  benefit: z.optional(
    z.nullable(
      z.looseObject({
        campaignId: z.string(),
        claimId: z.string(),
        amount: fen,
        /** A 满减 paid back into the wallet after payment. */
        rebate: z.optional(z.boolean()),
        /** Its payout: `pending` (then `amount` is 0) until `rebateDueAt`, `paid`, or `cancelled` by a refund. */
        rebateStatus: z.optional(tolerantEnum(['pending', 'paid', 'cancelled'])),
        rebateAmount: z.optional(fen),
        rebateDueAt: z.optional(timestamp),
      }),
    ),
  ),
  /**
   * Points a wallet redeemed against the order while it was open: `value` fen of it is paid by the
   * points programme's fund. `held` until paid, `applied` once paid with them, `released` (the points
   * went back) when the order closed or another wallet paid it. Refunds return `returnedValue` fen to
   * the fund and `returnedPoints` to the holder, in proportion.
   */
  pointsRedeemed: z.optional(
    z.nullable(
      z.looseObject({
        walletId: z.string(),
        points: z.number().check(z.int()),
        value: fen,
        status: tolerantEnum(['held', 'applied', 'released']),
        returnedPoints: z.number().check(z.int()),
        returnedValue: fen,
      }),
    ),
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
  /** `amount` less the points already redeemed against the order (what the wallet is asked for). */
  amountDue: z.optional(fen),
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
  /** Of `amount`, what went back to the points fund, and the points returned to the holder with it. */
  pointsReturned: z.optional(z.nullable(z.looseObject({ points: z.number().check(z.int()), value: fen }))),
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

import * as z from 'zod/mini'
import { currency, fen, timestamp, tolerantEnum } from './common.js'

export const walletTypes = ['WT01', 'WT02', 'WT03', 'WT09', 'WT10'] as const
export const walletLevels = ['WL01', 'WL02', 'WL03', 'WL04'] as const
export type WalletType = (typeof walletTypes)[number]
export type WalletLevel = (typeof walletLevels)[number]

export const wallet = z.looseObject({
  id: z.string(),
  type: tolerantEnum(walletTypes),
  level: tolerantEnum(walletLevels),
  status: tolerantEnum(['active', 'closed']),
  /** Masked: the gateway never returns a holder's full mobile or ID number. */
  holder: z.looseObject({
    name: z.optional(z.string()),
    mobile: z.optional(z.string()),
    idNumber: z.optional(z.string()),
    uscc: z.optional(z.string()),
  }),
  linkedBankCard: z.optional(z.nullable(z.string())),
  parentWalletId: z.optional(z.nullable(z.string())),
  /** WT03 only: the hardware wallet's form factor. */
  formFactor: z.optional(tolerantEnum(['card', 'sim', 'wearable'])),
  tags: z.optional(z.array(z.string())),
  createdAt: timestamp,
  closedAt: z.optional(z.nullable(timestamp)),
})
export type Wallet = z.infer<typeof wallet>

export const balance = z.looseObject({ walletId: z.string(), available: fen, currency, asOf: timestamp })
export type Balance = z.infer<typeof balance>

const capSet = z.looseObject({
  /** Most a wallet may hold; `null` when the operator sets no cap. */
  balance: z.nullable(fen),
  single: z.nullable(fen),
  daily: z.nullable(fen),
  annual: z.nullable(fen),
})
export const walletLimits = z.looseObject({
  walletId: z.string(),
  level: tolerantEnum(walletLevels),
  caps: capSet,
  used: z.looseObject({ today: fen, thisYear: fen }),
  balance: fen,
  /** When `used.today` next returns to zero. */
  dailyResetAt: timestamp,
  annualResetAt: timestamp,
  /** The wallet's status, so a limit check can tell a closed wallet from an empty one (optional). */
  status: z.optional(tolerantEnum(['active', 'closed'])),
  /**
   * Who sets the caps, so a refusal names the real way to raise one: `level` (a personal wallet's
   * level: upgrade it), `parent` (a corporate sub-wallet's company: `updateCorporateSubWalletCaps`),
   * `none` (no caps, e.g. a corporate wallet). Optional.
   */
  capsSetBy: z.optional(tolerantEnum(['level', 'parent', 'none'])),
  /** With `capsSetBy: 'parent'`: the corporate wallet that sets them. */
  parentWalletId: z.optional(z.nullable(z.string())),
})
export type WalletLimits = z.infer<typeof walletLimits>

export const transactionKinds = [
  'top_up',
  'redemption',
  'payment',
  'refund',
  'transfer_in',
  'transfer_out',
  'reward',
  'reward_clawback',
  'sub_wallet_funding',
  'sub_wallet_return',
] as const
export const walletTransaction = z.looseObject({
  id: z.string(),
  walletId: z.string(),
  kind: tolerantEnum(transactionKinds),
  direction: tolerantEnum(['credit', 'debit']),
  amount: fen,
  balanceAfter: fen,
  reference: z.optional(z.nullable(z.string())),
  createdAt: timestamp,
})
export type WalletTransaction = z.infer<typeof walletTransaction>

export const subWallet = z.looseObject({
  id: z.string(),
  parentWalletId: z.string(),
  merchantId: z.string(),
  status: tolerantEnum(['active', 'revoked']),
  caps: z.looseObject({ single: fen, daily: fen }),
  createdAt: timestamp,
  revokedAt: z.optional(z.nullable(timestamp)),
})
export type SubWallet = z.infer<typeof subWallet>

export const paymentCode = z.looseObject({
  code: z.string(),
  walletId: z.string(),
  status: tolerantEnum(['active', 'used', 'expired']),
  expiresAt: timestamp,
  createdAt: timestamp,
})
export type PaymentCode = z.infer<typeof paymentCode>

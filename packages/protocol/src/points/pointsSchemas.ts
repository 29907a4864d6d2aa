/**
 * The points ledger's shapes (zod/mini): a wallet's points balance, one ledger entry, the programme's
 * rules. Points are integers and are not money; `value` is fen. Kept out of the main `operations`
 * table so a browser bundle that reads wallets does not carry them.
 */
import * as z from 'zod/mini'

const int = z.number().check(z.int())

export const pointsEntryKinds = [
  'new_wallet',
  'transfer',
  'top_up',
  'campaign',
  'reversal',
  'redemption',
  'redemption_return',
  'expiry',
  'adjustment',
] as const

export const pointsBalance = z.looseObject({
  walletId: z.string(),
  /** Credited points (may be negative after a reversal; a negative balance blocks redemption). */
  balance: int,
  /** Points earned but not yet credited (credited after the rules' working days). */
  pending: int,
  redemptionsToday: int,
  redemptionsLeftToday: int,
  /** The next credited points to expire, or `null`. */
  nextExpiry: z.nullable(z.looseObject({ points: int, at: z.string() })),
  asOf: z.string(),
})

export const pointsEntry = z.looseObject({
  id: z.string(),
  walletId: z.string(),
  kind: z.string(),
  /** Signed: positive earns, negative takes away. */
  points: int,
  status: z.string(),
  /** Fen the points were worth (redemptions and their returns), else `null`. */
  value: z.nullable(int),
  orderId: z.nullable(z.string()),
  transferId: z.nullable(z.string()),
  refundId: z.nullable(z.string()),
  reversesEntryId: z.nullable(z.string()),
  reason: z.nullable(z.string()),
  createdAt: z.string(),
  creditAt: z.nullable(z.string()),
  expiresAt: z.nullable(z.string()),
})

export const pointsRules = z.looseObject({
  newWallet: int,
  perTransfer: int,
  perTopUp: int,
  creditAfterWorkingDays: int,
  validForDays: int,
  redemptionsPerDay: int,
  fenPerPoint: int,
})

/**
 * The points programme's fund: the ledger account (kind `budget`) that pays the merchant the part of
 * an order the holder paid with points. `reserved` is the value of points redeemed against orders
 * still open; `available` = `balance − reserved` is what new redemptions may use.
 */
export const pointsFund = z.looseObject({
  account: z.string(),
  balance: int,
  reserved: int,
  available: int,
  /** Fen put in so far. */
  deposited: int,
  /** Fen paid to merchants for points, and fen refunds sent back. */
  paidOut: int,
  returned: int,
  asOf: z.string(),
})

export type PointsBalance = z.infer<typeof pointsBalance>
export type PointsEntry = z.infer<typeof pointsEntry>
export type PointsRules = z.infer<typeof pointsRules>
export type PointsFund = z.infer<typeof pointsFund>

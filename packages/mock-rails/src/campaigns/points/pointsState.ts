/**
 * What the points ledger remembers: one book per wallet, hung on the rails state as a `Map` like the
 * campaign maps, so `snapshot()`/`restore()` and the sandbox's SQLite file carry it (one row per book).
 * Times are epoch ms by the rails clock; points are integers.
 */
import type { PointsRules } from '@ecny/protocol/points'
import type { RailsState } from '../../state/railsState.js'

export type PointsEntryKind =
  | 'new_wallet'
  | 'transfer'
  | 'top_up'
  | 'campaign'
  | 'reversal'
  | 'redemption'
  | 'redemption_return'
  | 'expiry'
  | 'adjustment'

/** `pending` until `creditAt`; `credited` counts in the balance. */
export type PointsEntryStatus = 'pending' | 'credited'

export type PointsEntryRecord = {
  id: string
  kind: PointsEntryKind
  points: number
  status: PointsEntryStatus
  value: number | null
  orderId: string | null
  transferId: string | null
  refundId: string | null
  reversesEntryId: string | null
  reason: string | null
  createdAt: number
  creditAt: number
  /** Earned points only: when what is left of them expires. */
  expiresAt: number | null
  /** Earned and credited points not yet spent, reversed or expired (the lot, oldest spent first). */
  left: number
}

export type PointsBookRecord = {
  walletId: string
  /** Oldest first. */
  entries: PointsEntryRecord[]
  /** How many of the wallet's transactions the book has read. */
  seen: number
  /** Shanghai day of the last transfer and top-up that earned points (once a day each). */
  earnedOn: { transfer: number | null; top_up: number | null }
  redemptions: { day: number; count: number }
  /** Points taken beyond every lot (a negative balance), paid back by the next credited points. */
  owed: number
  /** Order id → points earned on it, and taken back so far; redeemed on it, and returned so far. */
  orders: Record<
    string,
    { earned: number; reversed: number; redeemed: number; returned: number; value: number }
  >
}

/** The points fund's running totals, fen (its balance is the ledger account's). */
export type PointsFundRecord = { deposited: number; paidOut: number; returned: number }

export type PointsState = {
  pointsBooks: Map<string, PointsBookRecord>
  /** `rules` → the programme's rules. */
  pointsSettings: Map<string, PointsRules>
  /** Orders holding redeemed points not yet settled (paid with them, or given back): order id → wallet id. */
  pointsHolds: Map<string, string>
  /** `fund` → the points fund's totals. */
  pointsFund: Map<string, PointsFundRecord>
}

/** Adds the points maps to the rails state (once) and returns them. */
export function pointsStateOf(state: RailsState): PointsState {
  const holder = state as unknown as Record<string, unknown>
  for (const key of ['pointsBooks', 'pointsSettings', 'pointsHolds', 'pointsFund'])
    if (!(holder[key] instanceof Map)) holder[key] = new Map()
  return holder as unknown as PointsState
}

/**
 * What the campaign engine remembers. Plain records in `Map`s hung on the rails state, so
 * `rails.snapshot()` / `restore()` carry campaigns like everything else. Times are epoch ms by the
 * rails clock, amounts integer fen.
 */
import type { CampaignRule, LotteryAudit } from '@ecny/sdk-core'
import type { RailsState } from '../state/railsState.js'

export type CampaignStatus = 'draft' | 'scheduled' | 'active' | 'paused' | 'ended'
export type CampaignEndReason = 'manual' | 'window_closed' | 'funding_failed'

export type CampaignRecord = {
  id: string
  rule: CampaignRule
  status: CampaignStatus
  organiserWalletId: string
  /** Ledger account `campaign:{id}` (kind `budget`). */
  budgetAccount: string
  /** Fen moved from the organiser at activation. */
  funding: number
  /** Most benefits handed out; `null` when only money limits the campaign. */
  countLimit: number | null
  from: number
  to: number
  // Money, all fen; funded − paidOut + clawedBack − released = ledger balance of budgetAccount.
  funded: number
  paidOut: number
  clawedBack: number
  released: number
  /** Held (claimed, unused) benefits' value, not yet paid out. */
  reserved: number
  /** Fen of red envelopes refunds gave back to their holders (`refundTo: 'holder'`), and how many. */
  returnedToHolders?: number
  returnedCount?: number
  /** Fen of 满减 paid back into wallets after payment (`rebate`), net of nothing (clawbacks count apart). */
  rebated?: number
  /** Rebates waiting for their payout delay (`rebate.delayDays`): fen (part of `reserved`) and count. */
  rebatePending?: number
  rebatesPending?: number
  /** Rebates a refund cancelled before their payout: fen and count. */
  rebateCancelled?: number
  rebatesCancelled?: number
  /** Benefits handed out (held, used, paid or expired). */
  countUsed: number
  points: number
  reach: number
  claims: { granted: number; redeemed: number; held: number; expired: number; entered: number; lost: number }
  /** Split red envelope: shares handed out so far (index of the next share). */
  sharesTaken: number
  draw: CampaignDrawRecord | null
  /** True while a lottery draw is being computed (entries are closed). */
  drawing: boolean
  endReason: CampaignEndReason | null
  createdAt: number
  updatedAt: number
  activatedAt: number | null
  endedAt: number | null
}

export type CampaignDrawRecord = {
  seed: string
  drawnAt: number
  entrants: string[]
  winners: string[]
  audit: LotteryAudit
}

export type ClaimStatus = 'entered' | 'granted' | 'redeemed' | 'expired' | 'lost'

export type ClaimRecord = {
  id: string
  campaignId: string
  walletId: string
  status: ClaimStatus
  /** Fen: the reward paid, the discount applied, or (held) the benefit's value; `null` if not yet known. */
  amount: number | null
  points: number
  /** Held money reserved in the budget for this claim (fen). */
  reservedAmount: number
  transferId: string | null
  orderId: string | null
  claimKey: string | null
  clawedBack: number
  /** A red envelope a refund gave back to its holder: the claim it was taken back from. */
  returnedFrom?: string | null
  /** A 满减 rebate: pending until `dueAt`, then paid, or cancelled by a refund before it. */
  rebate?: ClaimRebateRecord | null
  createdAt: number
  redeemedAt: number | null
}

/**
 * A rebate's payout (`rule.rebate`): `pending` until `dueAt` (`delayDays` after payment, by the
 * rails clock), then `paid`, or `cancelled` when a refund of the order came first (or the wallet
 * closed). `settledAt` is when it was paid or cancelled.
 */
export type ClaimRebateRecord = {
  status: 'pending' | 'paid' | 'cancelled'
  amount: number
  dueAt: number
  settledAt: number | null
}

/** A wallet's use of one campaign; counters reset by Asia/Shanghai day and month. */
export type CampaignUsageRecord = {
  day: number
  today: number
  month: number
  thisMonth: number
  total: number
}

export type CampaignState = {
  campaigns: Map<string, CampaignRecord>
  campaignClaims: Map<string, ClaimRecord>
  /** Campaign id → its claim ids, oldest first. */
  campaignClaimsByCampaign: Map<string, string[]>
  /** Wallet id → its claim ids, oldest first. */
  campaignClaimsByWallet: Map<string, string[]>
  /** `campaign␟transfer|order|key|entry|identity␟value` → claim id. */
  campaignClaimIndex: Map<string, string>
  /** `campaign␟wallet` → usage. */
  campaignUsage: Map<string, CampaignUsageRecord>
  /** Wallet id → points earned (PT07, points transfer rewards). Points are not money. */
  walletPoints: Map<string, number>
  /** Claim id → when its pending rebate is due (epoch ms); removed once paid or cancelled. */
  campaignRebatesDue: Map<string, number>
}

const keys: Array<keyof CampaignState> = [
  'campaigns',
  'campaignClaims',
  'campaignClaimsByCampaign',
  'campaignClaimsByWallet',
  'campaignClaimIndex',
  'campaignUsage',
  'walletPoints',
  'campaignRebatesDue',
]

/** Adds the campaign maps to the rails state (once) and returns them. */
export function campaignStateOf(state: RailsState): CampaignState {
  const holder = state as unknown as Record<string, unknown>
  for (const key of keys) if (!(holder[key] instanceof Map)) holder[key] = new Map()
  return holder as unknown as CampaignState
}

export const sep = '\u241f'

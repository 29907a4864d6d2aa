/**
 * Campaign responses of the gateway protocol (`/v1/campaigns…`, `/v1/wallets/{id}/eligible-campaigns`).
 * Tolerant like every response schema: unknown fields pass through, unknown enum values become
 * `'unknown'`, so a newer gateway does not break an older SDK. Amounts are integer fen.
 */
import * as z from 'zod/mini'
import { fen, timestamp, tolerantEnum } from './common.js'

export const campaignStatuses = ['draft', 'scheduled', 'active', 'paused', 'ended'] as const
export type CampaignStatus = (typeof campaignStatuses)[number] | 'unknown'

export const campaignEndReasons = ['manual', 'window_closed', 'funding_failed'] as const

/** Where a campaign's budget stands, in fen (and in benefits, for a count budget). */
export const campaignBudget = z.looseObject({
  /** Fen the campaign is funded with at activation (`0` for points-only campaigns). */
  amount: fen,
  /** Most benefits it may hand out (winners, for a lottery); `null` when only the amount limits it. */
  count: z.nullable(z.number()),
  /** Fen moved from the organiser's wallet into the budget account so far. */
  funded: fen,
  /** Fen of benefits paid out, net of clawbacks. */
  spent: fen,
  /** Fen in the budget account now (the ledger's balance). */
  remaining: fen,
  /** Fen held for claimed but unused vouchers and red envelopes. */
  reserved: fen,
  /** `remaining − reserved`: what new benefits may still use. */
  available: fen,
  /** Benefits handed out so far. */
  countUsed: z.number(),
  /** True when no further benefit fits the budget (issuance has stopped). */
  exhausted: z.boolean(),
})
export type CampaignBudget = z.infer<typeof campaignBudget>

/** A campaign as its organiser sees it: the rule, the lifecycle and the budget. */
export const campaign = z.looseObject({
  id: z.string(),
  name: z.nullable(z.string()),
  /** `transfer_reward` or a benefit type `PT01`…`PT07`. */
  type: z.string(),
  status: tolerantEnum(campaignStatuses),
  /** The rule as stored, defaults filled in (see `campaignRuleSchema`). */
  rule: z.record(z.string(), z.unknown()),
  /** The corporate (WT09) wallet that funds the budget. */
  organiserWalletId: z.string(),
  /** The ledger account holding the budget. */
  budgetAccount: z.string(),
  allocation: tolerantEnum(['fcfs', 'lottery']),
  refundPolicy: tolerantEnum(['CRP01', 'CRP02', 'CRP03', 'CRP04']),
  audience: z.nullable(z.string()),
  startsAt: timestamp,
  endsAt: timestamp,
  budget: campaignBudget,
  endReason: z.optional(z.nullable(tolerantEnum(campaignEndReasons))),
  createdAt: timestamp,
  updatedAt: timestamp,
  activatedAt: z.optional(z.nullable(timestamp)),
  endedAt: z.optional(z.nullable(timestamp)),
})
export type Campaign = z.infer<typeof campaign>

export const campaignClaimStatuses = ['entered', 'granted', 'redeemed', 'expired', 'lost'] as const
export type CampaignClaimStatus = (typeof campaignClaimStatuses)[number] | 'unknown'

/**
 * One benefit (or lottery entry) of one wallet. `granted` money benefits of PT01/PT02 (and lottery
 * tickets) wait to be used on an order; `redeemed` ones were used (`orderId`); transfer rewards and
 * points are `granted` and already paid.
 */
export const campaignClaim = z.looseObject({
  id: z.string(),
  campaignId: z.string(),
  walletId: z.string(),
  type: z.optional(z.string()),
  status: z.optional(tolerantEnum(campaignClaimStatuses)),
  /** Fen: the reward paid, the discount applied, or a held benefit's value. */
  amount: z.optional(z.nullable(fen)),
  points: z.optional(z.nullable(z.number())),
  transferId: z.optional(z.nullable(z.string())),
  orderId: z.optional(z.nullable(z.string())),
  claimKey: z.optional(z.nullable(z.string())),
  /** Fen taken back by refunds under the campaign's refund policy. */
  clawedBack: z.optional(fen),
  /**
   * A 满减 rebate's payout: `pending` until `dueAt` (the campaign's `rebate.delayDays` after payment),
   * then `paid`, or `cancelled` by a refund before it; `settledAt` when it was paid or cancelled.
   */
  rebate: z.optional(
    z.nullable(
      z.looseObject({
        status: tolerantEnum(['pending', 'paid', 'cancelled']),
        amount: fen,
        dueAt: timestamp,
        settledAt: z.nullable(timestamp),
      }),
    ),
  ),
  expiresAt: z.optional(z.nullable(timestamp)),
  createdAt: z.optional(timestamp),
  redeemedAt: z.optional(z.nullable(timestamp)),
})
export type CampaignClaim = z.infer<typeof campaignClaim>

/** A campaign as a holder sees it, with how much of it this wallet has used. */
export const eligibleCampaign = z.looseObject({
  id: z.string(),
  name: z.optional(z.nullable(z.string())),
  /** Benefit type (`PT01` red envelope … `PT07` points), or `transfer_reward`. */
  type: z.optional(z.string()),
  status: z.optional(z.string()),
  /** Face value in fen, for fixed money benefits. */
  amount: z.optional(z.nullable(fen)),
  points: z.optional(z.nullable(z.number())),
  /** `claim`: claim it first (vouchers, red envelopes, lottery entries); `order`: applied when paying; `transfer`: earned by transfers. */
  earnedBy: z.optional(tolerantEnum(['claim', 'order', 'transfer'])),
  startsAt: z.optional(z.nullable(timestamp)),
  endsAt: z.optional(z.nullable(timestamp)),
  usage: z.optional(z.looseObject({ today: z.number(), thisMonth: z.number(), total: z.number() })),
  /** Claimed benefits of this campaign the wallet still holds (listed even when it may claim no more). */
  held: z.optional(z.number()),
  /** Whether the wallet may still claim, enter or earn (false: only its held benefits remain). */
  canTakePart: z.optional(z.boolean()),
})
export type EligibleCampaign = z.infer<typeof eligibleCampaign>

/** Reach, claims and money of a campaign; the money agrees with the ledger. */
export const campaignStats = z.looseObject({
  campaignId: z.string(),
  status: tolerantEnum(campaignStatuses),
  /** Distinct wallets that received a benefit. */
  reach: z.number(),
  claims: z.looseObject({
    /** Benefits handed out (held, used, paid or expired). */
    granted: z.number(),
    /** Of those, used on an order. */
    redeemed: z.number(),
    /** Of those, still waiting to be used. */
    held: z.number(),
    expired: z.number(),
    /** Lottery entries waiting for the draw. */
    entered: z.number(),
    lost: z.number(),
    /** Rebates waiting for their payout delay, and rebates a refund cancelled before it. */
    rebatesPending: z.optional(z.number()),
    rebatesCancelled: z.optional(z.number()),
  }),
  budget: campaignBudget,
  amount: z.looseObject({
    funded: fen,
    paidOut: fen,
    clawedBack: fen,
    spent: fen,
    released: fen,
    remaining: fen,
    /** Fen of rebates waiting for their payout (held in `budget.reserved`), and of cancelled ones. */
    rebatePending: z.optional(fen),
    rebateCancelled: z.optional(fen),
  }),
  points: z.number(),
  ledger: z.looseObject({ account: z.string(), balance: fen }),
  asOf: timestamp,
})
export type CampaignStats = z.infer<typeof campaignStats>

/** What the gateway counts for an audience expression over its wallets. */
export const audienceEstimate = z.looseObject({
  campaignId: z.optional(z.nullable(z.string())),
  /** The expression in canonical form. */
  expression: z.string(),
  tags: z.array(z.string()),
  /** Wallets in the audience. */
  count: z.number(),
  /** Open personal wallets looked at. */
  total: z.number(),
})
export type AudienceEstimate = z.infer<typeof audienceEstimate>

/** The audit record of a lottery draw; `verifyLotteryDraw(audit, entrants)` re-runs it. */
export const lotteryAuditSchema = z.looseObject({
  algorithm: z.string(),
  seed: z.string(),
  entrantsHash: z.string(),
  entrantCount: z.number(),
  winnersRequested: z.number(),
  winners: z.array(z.string()),
  drawnAt: z.optional(z.string()),
})

/** A lottery draw: entrants are entry (claim) ids; winners got the benefit. */
export const lotteryDraw = z.looseObject({
  campaignId: z.string(),
  seed: z.string(),
  drawnAt: timestamp,
  entrants: z.array(z.string()),
  winners: z.array(z.string()),
  audit: lotteryAuditSchema,
})
export type LotteryDraw = z.infer<typeof lotteryDraw>

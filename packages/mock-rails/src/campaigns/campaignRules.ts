import type { CampaignRule } from '@ecny/sdk-core'
import { RailsError } from '../support/railsError.js'

/** How a holder comes by a campaign's benefit. */
export type EarnedBy = 'claim' | 'order' | 'transfer'

/**
 * `transfer`: 转账有礼, earned by transfers. `claim`: claimed first and used on a later order (red
 * envelopes, vouchers) — and every lottery, whose claims are entries. `order`: applied when a
 * wallet pays an order it is eligible for (满减, 立减, 满折, 随机减, points).
 */
export function earnedBy(rule: CampaignRule): EarnedBy {
  if (rule.type === 'transfer_reward') return 'transfer'
  if (rule.allocation === 'lottery' || rule.type === 'PT01' || rule.type === 'PT02') return 'claim'
  return 'order'
}

/** The most money (fen) one benefit of the rule can be worth, or `null` when the rule sets no bound. */
export function maxBenefit(rule: CampaignRule): number | null {
  switch (rule.type) {
    case 'transfer_reward':
      return rule.amount ?? 0
    case 'PT01':
      return rule.amount ?? rule.split!.total
    case 'PT02':
      return rule.faceValue
    case 'PT03':
      return Math.max(...rule.tiers.map((tier) => tier.discount))
    case 'PT04':
      return rule.amount ?? rule.cap!
    case 'PT05':
      return rule.cap ?? null
    case 'PT06':
      return rule.max
    case 'PT07':
      return 0
  }
}

/** The fixed money value of one benefit (what a claim reserves), or `null` when it depends on the order. */
export function fixedValue(rule: CampaignRule): number | null {
  if (rule.type === 'PT02') return rule.faceValue
  if (rule.type === 'PT01') return rule.amount ?? null
  if (rule.type === 'transfer_reward') return rule.amount ?? 0
  if (rule.type === 'PT07') return 0
  return null
}

/** Most benefits the campaign hands out: `budget.count`, and a split envelope's share count. */
export function countLimitOf(rule: CampaignRule): number | null {
  const count = rule.budget.count ?? null
  if (rule.type === 'PT01' && rule.split) return Math.min(count ?? rule.split.count, rule.split.count)
  return count
}

/**
 * Fen to move from the organiser into the budget at activation: `budget.amount` when given, else
 * count × the most one benefit can be worth (a split envelope: its total). Points are not money.
 */
export function fundingOf(rule: CampaignRule): number {
  if (rule.budget.amount !== undefined) return rule.budget.amount
  if (rule.type === 'PT01' && rule.split) return rule.split.total
  const most = maxBenefit(rule)
  const count = countLimitOf(rule)
  if (most === null || count === null) {
    throw new RailsError(
      'invalid_request',
      `Invalid request: rule.budget.amount: required for a ${rule.type} campaign without a cap. Give budget.amount (fen), or a cap on the benefit.`,
      { issues: [{ path: 'rule.budget.amount', message: 'required: the benefit has no upper bound' }] },
    )
  }
  return count * most
}

/** What the simulator cannot run, refused at creation with a reason. */
export function assertSupported(rule: CampaignRule): void {
  if (rule.type === 'transfer_reward' && rule.allocation === 'lottery') {
    throw new RailsError(
      'invalid_request',
      'Invalid request: rule.allocation: a transfer reward (转账有礼) is first come, first served. Use allocation fcfs, or a PT01/PT02/PT07 lottery.',
      { issues: [{ path: 'rule.allocation', message: 'transfer rewards are fcfs' }] },
    )
  }
}

import { InvalidRequestError } from '../../errors/EcnyError.js'
import type { CampaignRuleOf } from './campaignRuleSchema.js'
import { type WalletUsage, walletCapReached } from './walletCapReached.js'

export type TransferRewardForParameters = {
  /** The transfer's amount, integer fen. */
  transferAmount: number
  /** Rewards this wallet already received from the campaign. */
  usage: WalletUsage
  /** What is left of the campaign's budget, if the caller tracks it here. */
  budgetLeft?: { amount?: number | undefined; count?: number | undefined } | undefined
}

export type TransferRewardForReturnType =
  | { granted: true; amount: number; points: number }
  | {
      granted: false
      amount: 0
      points: 0
      /** Same strings as the gateway's `transfer.reward.reason`. */
      reason: 'below_minimum' | 'claim_cap_reached' | 'budget_exhausted'
      /** For `claim_cap_reached`: which cap. */
      cap?: 'perDay' | 'perMonth' | 'total'
    }

/**
 * Whether a transfer earns a transfer reward (转账有礼) and how much: the fixed `amount` (fen) and/or
 * `points` of the rule, if the transfer is at least `minTransferAmount` and the wallet is under
 * its `perWallet` caps (and, when given, the budget can pay a whole reward). Pure: the caller
 * supplies the wallet's usage counts and records the grant.
 *
 * @example
 * // ABC Suzhou: 5 points per transfer of at least ¥1, once a day.
 * const rule = parseCampaignRule({ type: 'transfer_reward', points: 5, minTransferAmount: 100,
 *   perWallet: { perDay: 1 }, budget: { count: 100_000 }, validity })
 * transferRewardFor(rule, { transferAmount: 5000, usage: { today: 0, thisMonth: 3, total: 3 } })
 * // { granted: true, amount: 0, points: 5 }
 * transferRewardFor(rule, { transferAmount: 5000, usage: { today: 1, thisMonth: 4, total: 4 } })
 * // { granted: false, amount: 0, points: 0, reason: 'claim_cap_reached', cap: 'perDay' }
 */
export function transferRewardFor(
  rule: CampaignRuleOf<'transfer_reward'>,
  parameters: TransferRewardForParameters,
): TransferRewardForReturnType {
  const { transferAmount, usage, budgetLeft } = parameters
  if (!Number.isSafeInteger(transferAmount) || transferAmount < 1) {
    throw new InvalidRequestError(
      'invalid_request',
      `transferAmount must be a whole number of fen of at least 1, got ${String(transferAmount)}.`,
      { hint: 'Amounts are integer fen: 1 yuan = 100 fen.' },
    )
  }
  if (transferAmount < rule.minTransferAmount) {
    return { granted: false, amount: 0, points: 0, reason: 'below_minimum' }
  }
  const cap = walletCapReached(rule.perWallet, usage)
  if (cap) return { granted: false, amount: 0, points: 0, reason: 'claim_cap_reached', cap }
  const amount = rule.amount ?? 0
  if (
    budgetLeft &&
    ((budgetLeft.count !== undefined && budgetLeft.count < 1) ||
      (budgetLeft.amount !== undefined && budgetLeft.amount < amount))
  ) {
    return { granted: false, amount: 0, points: 0, reason: 'budget_exhausted' }
  }
  return { granted: true, amount, points: rule.points ?? 0 }
}

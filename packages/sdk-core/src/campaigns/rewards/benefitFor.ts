import { InvalidRequestError } from '../../errors/EcnyError.js'
import { percentOfFen } from '../../money/fen.js'
import { createSeededRandom } from '../random/createSeededRandom.js'
import type { CampaignRule } from './campaignRuleSchema.js'

/**
 * The least a wallet pays for an order a benefit applies to: 1 fen. A payment has to move money
 * from the payer's wallet — that is what authorises it and what a refund goes back to — so a benefit
 * never makes an order free (the same rule as "实付金额不能低于0.01元" in other wallets' coupons).
 */
export const MINIMUM_PAYABLE = 1

/** Rules `benefitFor` prices: every type but `transfer_reward` (see `transferRewardFor`). */
export type OrderBenefitRule = Exclude<CampaignRule, { type: 'transfer_reward' }>

export type BenefitForParameters = {
  /** The order's amount before the benefit, integer fen ≥ 1. */
  orderAmount: number
  /** Required for PT06 (random discount): a stable id such as the order or claim id. */
  seed?: string | undefined
  /** Required for a split PT01 envelope: the share this claimant received (see `splitRedEnvelope`). */
  share?: number | undefined
}

export type BenefitForReturnType = {
  /** Fen taken off the order, `0 ≤ discount ≤ orderAmount − 1`. */
  discount: number
  /** What the wallet pays: `orderAmount − discount`, at least 1 fen. */
  payable: number
  /** Points granted (PT07), else 0. */
  points: number
  /** False when the order is below the rule's threshold or minimum spend. */
  qualified: boolean
}

function invalid(message: string, hint: string): never {
  throw new InvalidRequestError('invalid_request', message, { hint })
}

function rawDiscount(
  rule: OrderBenefitRule,
  orderAmount: number,
  parameters: BenefitForParameters,
): number | null {
  switch (rule.type) {
    case 'PT01': {
      if (rule.amount !== undefined) return rule.amount
      const share = parameters.share
      if (share === undefined || !Number.isSafeInteger(share) || share < 1) {
        invalid(
          'A split red envelope (PT01 with split) needs the claimant’s share: pass `share` in fen (at least 1).',
          'Split the envelope once with splitRedEnvelope(total, count, seed) and pass the share the wallet claimed.',
        )
      }
      return share
    }
    case 'PT02':
      return orderAmount >= rule.minSpend ? rule.faceValue : null
    case 'PT03': {
      let best: number | null = null
      for (const tier of rule.tiers) {
        if (orderAmount >= tier.threshold && (best === null || tier.discount > best)) best = tier.discount
      }
      return best
    }
    case 'PT04':
      return rule.amount ?? Math.min(percentOfFen(orderAmount, rule.basisPoints!, 'floor'), rule.cap!)
    case 'PT05': {
      if (orderAmount < rule.threshold) return null
      const off = percentOfFen(orderAmount, rule.basisPoints, 'floor')
      return rule.cap === undefined ? off : Math.min(off, rule.cap)
    }
    case 'PT06': {
      if (orderAmount < rule.minSpend) return null
      if (typeof parameters.seed !== 'string' || parameters.seed === '') {
        invalid(
          'A random discount (PT06) needs a seed: pass `seed`, e.g. the order id.',
          'The seed makes the amount reproducible, so a retry or an audit gives the same discount.',
        )
      }
      const random = createSeededRandom(`ecny/random-discount/v1\n${parameters.seed}`)
      return rule.min + random.below(rule.max - rule.min + 1)
    }
    case 'PT07':
      return orderAmount >= rule.minSpend ? 0 : null
    default:
      return invalid(
        `benefitFor prices order benefits (PT01…PT07), not '${(rule as { type: string }).type}'.`,
        'For transfer rewards (转账有礼) use transferRewardFor.',
      )
  }
}

/**
 * The benefit a rule gives an order, in integer fen: PT01 red envelope (fixed, or the claimant's
 * split share), PT02 voucher (face value from a minimum spend), PT03 满减 (the best tier the order
 * reaches), PT04 立减 (fixed, or a percentage with a cap), PT05 满折 (basis points off from a threshold,
 * floored to the fen, optional cap), PT06 random discount in `[min, max]` (seeded), PT07 points.
 * The wallet always pays at least {@link MINIMUM_PAYABLE} (1 fen): a discount larger than the order
 * is cut to `orderAmount − 1`. Eligibility (audience, caps, budget, validity) is checked elsewhere.
 *
 * @example
 * const rule = parseCampaignRule({ type: 'PT03', tiers: [
 *   { threshold: 4000, discount: 1000 }, { threshold: 8000, discount: 2000 }, { threshold: 20000, discount: 5000 },
 * ], budget: { amount: 10_000_000 }, validity })
 * benefitFor(rule, { orderAmount: 9_900 }) // { discount: 2000, payable: 7900, points: 0, qualified: true }
 * benefitFor(rule, { orderAmount: 3_999 }) // { discount: 0, payable: 3999, points: 0, qualified: false }
 */
export function benefitFor(rule: OrderBenefitRule, parameters: BenefitForParameters): BenefitForReturnType {
  const { orderAmount } = parameters
  if (!Number.isSafeInteger(orderAmount) || orderAmount < 1) {
    invalid(
      `orderAmount must be a whole number of fen of at least 1, got ${String(orderAmount)}.`,
      'Amounts are integer fen: 1 yuan = 100 fen, e.g. 1234 for ¥12.34.',
    )
  }
  const raw = rawDiscount(rule, orderAmount, parameters)
  if (raw === null) return { discount: 0, payable: orderAmount, points: 0, qualified: false }
  const discount = Math.min(raw, orderAmount - MINIMUM_PAYABLE)
  const points = rule.type === 'PT07' ? rule.points : 0
  return { discount, payable: orderAmount - discount, points, qualified: true }
}

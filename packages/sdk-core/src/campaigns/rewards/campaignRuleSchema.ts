import * as z from 'zod/mini'
import { EcnyError } from '../../errors/EcnyError.js'
import { fenSchema, positiveFenSchema } from '../../money/schemas.js'
import { parseInput } from '../../validation/parseInput.js'
import { compileAudience } from '../audience/compileAudience.js'

/** Benefit types (CMB `promotionType`) plus transfer rewards (转账有礼). */
export const campaignRuleTypes = [
  'transfer_reward',
  'PT01',
  'PT02',
  'PT03',
  'PT04',
  'PT05',
  'PT06',
  'PT07',
] as const
export type CampaignRuleType = (typeof campaignRuleTypes)[number]

/** What happens to a benefit when its order is refunded (CMB `couponRefundProperty`). */
export const refundPolicies = ['CRP01', 'CRP02', 'CRP03', 'CRP04'] as const
export type RefundPolicy = (typeof refundPolicies)[number]

function strict<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `'${key}'`).join(', ')} (check the spelling)`
        : `must be an object, got ${issue.input === null ? 'null' : typeof issue.input}`,
  })
}

function count(minimum = 1) {
  const message = `must be a whole number of at least ${minimum}`
  return z.number({ error: message }).check(z.int({ error: message }), z.minimum(minimum, { error: message }))
}

const basisPoints = (maximum: number) => {
  const message = `must be whole basis points from 1 to ${maximum} (100 = 1 %, e.g. 1500 = 15 % off)`
  return z
    .number({ error: message })
    .check(
      z.int({ error: message }),
      z.minimum(1, { error: message }),
      z.maximum(maximum, { error: message }),
    )
}

const id = z.string({ error: 'must be a string id' }).check(z.minLength(1, { error: 'must not be empty' }))
const ids = (what: string) =>
  z
    .array(id, { error: `${what} must be an array of ids` })
    .check(z.minLength(1, { error: `${what} must not be empty; leave it out to allow all` }))

const timestamp = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 time with an offset, e.g. 2025-01-01T00:00:00+08:00',
})

const budget = strict({
  /** Total value the campaign may hand out, in fen. */
  amount: z.optional(positiveFenSchema),
  /** How many benefits the campaign may hand out (winners, for a lottery). */
  count: z.optional(count()),
}).check(
  z.refine((value) => value.amount !== undefined || value.count !== undefined, {
    error: 'give budget.amount (fen), budget.count, or both',
  }),
)

const validity = strict({ from: timestamp, to: timestamp }).check(
  z.refine((value) => Date.parse(value.from) < Date.parse(value.to), {
    error: 'validity.from must be before validity.to',
  }),
)

const perWallet = strict({
  perDay: z.optional(count()),
  perMonth: z.optional(count()),
  total: z.optional(count()),
})

const audience = z.string({ error: 'audience must be a tag expression string' }).check(
  z.superRefine((expression, context) => {
    try {
      compileAudience(expression)
    } catch (error) {
      if (!(error instanceof EcnyError)) throw error
      context.addIssue({
        code: 'custom',
        message: `${error.shortMessage.replace(/\.$/, '')} in '${expression}'`,
        input: expression,
      })
    }
  }),
)

const common = {
  name: z.optional(
    z
      .string()
      .check(
        z.minLength(1, { error: 'name must not be empty' }),
        z.maxLength(64, { error: 'name must be at most 64 characters' }),
      ),
  ),
  budget,
  validity,
  /** Only orders at these merchants qualify; leave out for all. */
  merchantIds: z.optional(ids('merchantIds')),
  /** Only orders in these scenes (store, transit line, bill type) qualify; leave out for all. */
  sceneIds: z.optional(ids('sceneIds')),
  perWallet: z.optional(perWallet),
  /** One benefit per identity (ID number), across all of a person's wallets. */
  onePerIdentity: z._default(z.boolean({ error: 'onePerIdentity must be true or false' }), false),
  allocation: z._default(
    z.enum(['fcfs', 'lottery'], { error: "allocation must be 'fcfs' or 'lottery'" }),
    'fcfs',
  ),
  refundPolicy: z._default(
    z.enum(refundPolicies, { error: 'refundPolicy must be one of CRP01, CRP02, CRP03, CRP04' }),
    'CRP02',
  ),
  /** Customer-tag expression, e.g. `payroll & !staff`; leave out for everyone. */
  audience: z.optional(audience),
  /**
   * Refunds return the holder's own money before any benefit is taken back (BOC Suzhou 2022). Left
   * out: `false`, the order of `refundPolicy`. Changes CRP01 and CRP02; CRP03 and CRP04 already do so.
   */
  holderMoneyFirst: z.optional(z.boolean({ error: 'holderMoneyFirst must be true or false' })),
}

const minSpend = z._default(fenSchema, 0)

const transferReward = strict({
  ...common,
  type: z.literal('transfer_reward'),
  /** Reward per qualifying transfer, in fen. */
  amount: z.optional(positiveFenSchema),
  /** Points per qualifying transfer. */
  points: z.optional(count()),
  /** A transfer qualifies from this amount up (fen). */
  minTransferAmount: z._default(positiveFenSchema, 1),
}).check(
  z.refine((rule) => rule.amount !== undefined || rule.points !== undefined, {
    error: 'a transfer reward needs amount (fen), points, or both',
  }),
)

const redEnvelope = strict({
  ...common,
  type: z.literal('PT01'),
  /** Fixed envelope value (fen). */
  amount: z.optional(positiveFenSchema),
  /** A group envelope: `total` fen split at random into `count` shares of at least 1 fen each. */
  split: z.optional(strict({ total: positiveFenSchema, count: count() })),
  /**
   * Where an envelope taken back by a refund goes: `campaign` (left out: the budget) or `holder`
   * (back into the holder's envelope while the campaign runs; the budget recovers it at expiry;
   * BOC Suzhou 2022).
   */
  refundTo: z.optional(z.enum(['campaign', 'holder'], { error: "refundTo must be 'campaign' or 'holder'" })),
}).check(
  z.superRefine((rule, context) => {
    if ((rule.amount === undefined) === (rule.split === undefined)) {
      context.addIssue({
        code: 'custom',
        message: 'a red envelope needs exactly one of amount (fixed) or split { total, count }',
        input: rule,
      })
    } else if (rule.split && rule.split.count > rule.split.total) {
      context.addIssue({
        code: 'custom',
        path: ['split', 'count'],
        message: `${rule.split.count} shares cannot each get at least 1 fen out of ${rule.split.total} fen; lower split.count or raise split.total`,
        input: rule.split,
      })
    }
  }),
)

const voucher = strict({ ...common, type: z.literal('PT02'), faceValue: positiveFenSchema, minSpend })

const tier = strict({ threshold: positiveFenSchema, discount: positiveFenSchema }).check(
  z.refine((value) => value.discount < value.threshold, {
    error: 'a tier’s discount must be below its threshold (满40减10: threshold 4000, discount 1000)',
  }),
)
const delayDaysMessage = 'must be a whole number of days from 0 to 365'
/**
 * 满减 paid back into the wallet after payment instead of off the price, at most `perDay` and
 * `perMonth` rebates per wallet (defaults 1 and 4: BoCom Chengdu 2021, 满5减4). `delayDays` after
 * payment, by the rails clock, the rebate is paid; until then it is pending, and a refund of the
 * order cancels it (default 0, paid at once: the source gives no delay, so any delay is the
 * campaign's setting).
 */
const rebate = strict({
  perDay: z._default(count(), 1),
  perMonth: z._default(count(), 4),
  delayDays: z._default(
    z
      .number({ error: delayDaysMessage })
      .check(
        z.int({ error: delayDaysMessage }),
        z.minimum(0, { error: delayDaysMessage }),
        z.maximum(365, { error: delayDaysMessage }),
      ),
    0,
  ),
})

const thresholdDiscount = strict({
  ...common,
  type: z.literal('PT03'),
  rebate: z.optional(rebate),
  tiers: z.array(tier, { error: 'tiers must be an array of { threshold, discount }' }).check(
    z.minLength(1, { error: 'give at least one tier' }),
    z.maxLength(20, { error: 'give at most 20 tiers' }),
    z.refine((tiers) => new Set(tiers.map((t) => t.threshold)).size === tiers.length, {
      error: 'two tiers have the same threshold',
    }),
  ),
})

const instantDiscount = strict({
  ...common,
  type: z.literal('PT04'),
  /** Fixed amount off (fen). */
  amount: z.optional(positiveFenSchema),
  /** Or a percentage off … */
  basisPoints: z.optional(basisPoints(10_000)),
  /** … capped at this many fen. */
  cap: z.optional(positiveFenSchema),
}).check(
  z.refine(
    (rule) =>
      (rule.amount !== undefined && rule.basisPoints === undefined && rule.cap === undefined) ||
      (rule.amount === undefined && rule.basisPoints !== undefined && rule.cap !== undefined),
    { error: 'an instant discount needs either amount (fixed fen) or basisPoints with cap, not both' },
  ),
)

const thresholdPercentage = strict({
  ...common,
  type: z.literal('PT05'),
  /** Orders from this amount up qualify (fen). */
  threshold: positiveFenSchema,
  /** Percentage off in basis points: 1000 = 10 % off (九折). */
  basisPoints: basisPoints(9_999),
  cap: z.optional(positiveFenSchema),
})

const randomDiscount = strict({
  ...common,
  type: z.literal('PT06'),
  min: positiveFenSchema,
  max: positiveFenSchema,
  minSpend,
}).check(z.refine((rule) => rule.min <= rule.max, { error: 'min must not be above max' }))

const pointsRule = strict({ ...common, type: z.literal('PT07'), points: count(), minSpend })

/**
 * A campaign rule definition, one shape per benefit `type` (`transfer_reward`, `PT01`…`PT07`), with
 * the fields every campaign shares: `budget` (`amount` fen and/or `count`), `validity` window,
 * designated `merchantIds` / `sceneIds`, `perWallet` caps (`perDay`, `perMonth`, `total`),
 * `onePerIdentity`, `allocation` (`fcfs` | `lottery`, which needs `budget.count`), `refundPolicy`
 * (`CRP01`…`CRP04`, default `CRP02`), `holderMoneyFirst` and an `audience` expression (checked by
 * compiling it). A red envelope may set `refundTo: 'holder'`; a 满减 may be a `rebate` paid after payment.
 * Unknown fields are rejected so that typos do not silently change a campaign.
 *
 * @example
 * const rule = parseCampaignRule({
 *   type: 'PT03',
 *   tiers: [{ threshold: 4000, discount: 1000 }, { threshold: 8000, discount: 2000 }],
 *   budget: { amount: 1_558_550_00 },
 *   validity: { from: '2025-01-01T00:00:00+08:00', to: '2025-02-01T00:00:00+08:00' },
 *   perWallet: { perDay: 1, perMonth: 4 },
 *   audience: 'city:suzhou & !staff',
 * })
 */
export const campaignRuleSchema = z
  .discriminatedUnion(
    'type',
    [
      transferReward,
      redEnvelope,
      voucher,
      thresholdDiscount,
      instantDiscount,
      thresholdPercentage,
      randomDiscount,
      pointsRule,
    ],
    { error: `type must be one of ${campaignRuleTypes.join(', ')}` },
  )
  .check(
    z.refine((rule) => rule.allocation !== 'lottery' || rule.budget.count !== undefined, {
      error: 'a lottery needs budget.count (the number of winners)',
      path: ['budget', 'count'],
    }),
    z.refine((rule) => rule.type !== 'PT03' || !rule.rebate || rule.allocation !== 'lottery', {
      error: 'a rebate (满减 paid back after payment) is first come, first served: use allocation fcfs',
      path: ['rebate'],
    }),
  )

export type CampaignRuleInput = z.input<typeof campaignRuleSchema>
export type CampaignRule = z.output<typeof campaignRuleSchema>
export type CampaignRuleOf<T extends CampaignRuleType> = Extract<CampaignRule, { type: T }>

/**
 * Validates a campaign rule definition; returns it with defaults filled in, or throws
 * `invalid_request` naming each bad field.
 *
 * @example
 * parseCampaignRule({ type: 'PT02', faceValue: 5000, budget: { count: 31_171 }, validity })
 * // → { …, minSpend: 0, allocation: 'fcfs', refundPolicy: 'CRP02', onePerIdentity: false }
 */
export function parseCampaignRule(input: unknown): CampaignRule {
  return parseInput(campaignRuleSchema, input, 'campaign rule')
}

import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { EcnyError } from '../../errors/EcnyError.js'
import { campaignRuleSchema, parseCampaignRule } from './campaignRuleSchema.js'
import { validity } from './ruleFixtures.test-helpers.js'

const base = { budget: { amount: 1_558_550_00, count: 31_171 }, validity }

function issueFor(input: unknown): string {
  try {
    parseCampaignRule(input)
  } catch (error) {
    expect(error).toBeInstanceOf(EcnyError)
    expect((error as EcnyError).code).toBe('invalid_request')
    return (error as EcnyError).shortMessage
  }
  throw new Error('expected the rule to be rejected')
}

describe('campaignRuleSchema', () => {
  it('accepts each benefit type and fills in defaults', () => {
    const voucher = parseCampaignRule({ ...base, type: 'PT02', faceValue: 5000 })
    expect(voucher).toMatchObject({
      type: 'PT02',
      minSpend: 0,
      allocation: 'fcfs',
      refundPolicy: 'CRP02',
      onePerIdentity: false,
    })
    const rules = [
      { type: 'transfer_reward', points: 5, minTransferAmount: 100, perWallet: { perDay: 1 } },
      { type: 'PT01', amount: 20000, allocation: 'lottery', onePerIdentity: true },
      { type: 'PT01', split: { total: 100_000, count: 100 } },
      { type: 'PT03', tiers: [{ threshold: 4000, discount: 1000 }], merchantIds: ['m-1'], sceneIds: ['s-1'] },
      { type: 'PT04', amount: 500 },
      { type: 'PT04', basisPoints: 1000, cap: 800, refundPolicy: 'CRP04' },
      { type: 'PT05', threshold: 5000, basisPoints: 1500, cap: 3000 },
      { type: 'PT06', min: 1, max: 888 },
      { type: 'PT07', points: 10, audience: '代发工资 & (city:suzhou | city:上海)' },
    ]
    for (const rule of rules) expect(z.safeParse(campaignRuleSchema, { ...base, ...rule }).success).toBe(true)
  })

  it('names the field and what is wrong', () => {
    expect(issueFor({ ...base, type: 'PT08' })).toMatch(/type: type must be one of transfer_reward, PT01/)
    expect(issueFor({ ...base, type: 'PT02', faceValue: 12.5 })).toMatch(
      /faceValue: amount must be an integer number of fen/,
    )
    expect(issueFor({ ...base, type: 'PT02', faceValue: 500, facevalue: 1 })).toMatch(
      /unknown field 'facevalue'/,
    )
    expect(issueFor({ ...base, type: 'PT07', points: 5, budget: {} })).toMatch(/budget: give budget.amount/)
    expect(
      issueFor({ ...base, type: 'PT07', points: 5, validity: { from: validity.to, to: validity.from } }),
    ).toMatch(/validity: validity.from must be before validity.to/)
    expect(
      issueFor({ ...base, type: 'PT07', points: 5, validity: { from: '2025-01-01', to: validity.to } }),
    ).toMatch(/validity.from: must be an ISO 8601 time with an offset/)
    expect(issueFor({ ...base, type: 'PT07', points: 5, perWallet: { perDay: 0 } })).toMatch(
      /perWallet.perDay: must be a whole number of at least 1/,
    )
    expect(issueFor({ ...base, type: 'PT07', points: 5, refundPolicy: 'CRP05' })).toMatch(
      /refundPolicy must be one of CRP01/,
    )
    expect(issueFor({ ...base, type: 'PT07', points: 5, merchantIds: [] })).toMatch(
      /merchantIds must not be empty/,
    )
  })

  it('checks each type’s own rules', () => {
    expect(issueFor({ ...base, type: 'transfer_reward' })).toMatch(/needs amount \(fen\), points, or both/)
    expect(issueFor({ ...base, type: 'PT01' })).toMatch(/exactly one of amount/)
    expect(issueFor({ ...base, type: 'PT01', split: { total: 3, count: 5 } })).toMatch(
      /split.count: 5 shares cannot each get at least 1 fen out of 3 fen/,
    )
    expect(issueFor({ ...base, type: 'PT03', tiers: [] })).toMatch(/give at least one tier/)
    expect(issueFor({ ...base, type: 'PT03', tiers: [{ threshold: 1000, discount: 1000 }] })).toMatch(
      /discount must be below/,
    )
    expect(
      issueFor({
        ...base,
        type: 'PT03',
        tiers: [
          { threshold: 1000, discount: 1 },
          { threshold: 1000, discount: 2 },
        ],
      }),
    ).toMatch(/same threshold/)
    expect(issueFor({ ...base, type: 'PT04', amount: 5, basisPoints: 100, cap: 5 })).toMatch(/either amount/)
    expect(issueFor({ ...base, type: 'PT04', basisPoints: 100 })).toMatch(/either amount/)
    expect(issueFor({ ...base, type: 'PT05', threshold: 100, basisPoints: 10_000 })).toMatch(
      /basisPoints: must be whole basis points from 1 to 9999/,
    )
    expect(issueFor({ ...base, type: 'PT06', min: 10, max: 5 })).toMatch(/min must not be above max/)
  })

  it('requires budget.count for a lottery', () => {
    expect(
      issueFor({ ...base, budget: { amount: 100 }, type: 'PT01', amount: 100, allocation: 'lottery' }),
    ).toMatch(/budget.count: a lottery needs budget.count/)
  })

  it('validates the audience by compiling it, and shows where it is wrong', () => {
    const message = issueFor({ ...base, type: 'PT07', points: 5, audience: 'payroll & | staff' })
    expect(message).toContain(
      "audience: Audience expression: expected a tag or '(', found '|' at column 11 in 'payroll & | staff'",
    )
  })
})

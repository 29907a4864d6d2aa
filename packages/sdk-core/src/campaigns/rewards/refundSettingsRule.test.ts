import { describe, expect, it } from 'vitest'
import { parseCampaignRule } from './campaignRuleSchema.js'

const validity = { from: '2025-03-10T00:00:00+08:00', to: '2025-05-01T00:00:00+08:00' }
const tiers = [{ threshold: 500, discount: 400 }]

describe('campaign settings for benefits on refund', () => {
  it('a rebate defaults to 1 a day and 4 a month (BoCom Chengdu 2021); both are settings', () => {
    expect(
      parseCampaignRule({ type: 'PT03', tiers, rebate: {}, budget: { amount: 1_000 }, validity }),
    ).toMatchObject({
      rebate: { perDay: 1, perMonth: 4 },
    })
    expect(
      parseCampaignRule({
        type: 'PT03',
        tiers,
        rebate: { perDay: 2, perMonth: 10 },
        budget: { amount: 1_000 },
        validity,
      }),
    ).toMatchObject({ rebate: { perDay: 2, perMonth: 10 } })
  })

  it('leaves the settings out when not given, so stored rules do not change', () => {
    const rule = parseCampaignRule({ type: 'PT01', amount: 100, budget: { count: 1 }, validity })
    expect(rule).not.toHaveProperty('refundTo')
    expect(rule).not.toHaveProperty('holderMoneyFirst')
  })

  it('refuses bad values and settings on the wrong benefit, naming the field', () => {
    const bad = [
      { type: 'PT01', amount: 100, refundTo: 'wallet', budget: { count: 1 }, validity },
      { type: 'PT04', amount: 100, refundTo: 'holder', budget: { count: 1 }, validity },
      { type: 'PT04', amount: 100, rebate: {}, budget: { count: 1 }, validity },
      { type: 'PT03', tiers, rebate: { perDay: 0 }, budget: { amount: 1_000 }, validity },
      { type: 'PT03', tiers, rebate: {}, allocation: 'lottery', budget: { count: 2 }, validity },
      { type: 'PT04', amount: 100, holderMoneyFirst: 1, budget: { count: 1 }, validity },
    ]
    const fields = ['refundTo', 'refundTo', 'rebate', 'perDay', 'rebate', 'holderMoneyFirst']
    for (const [i, input] of bad.entries()) {
      expect(() => parseCampaignRule(input)).toThrow(expect.objectContaining({ code: 'invalid_request' }))
      expect(() => parseCampaignRule(input)).toThrow(fields[i])
    }
  })
})

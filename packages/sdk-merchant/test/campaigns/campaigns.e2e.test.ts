import type { EcnyError, RefundPolicy } from '@ecny/sdk-core'
import { computeUsccCheckChar } from '@ecny/sdk-core/internal'
import { type MerchantHarness, useMerchantRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import { createCampaign } from '../../src/actions/campaigns/createCampaign.js'
import { drawCampaignLottery } from '../../src/actions/campaigns/drawCampaignLottery.js'
import { estimateCampaignAudience } from '../../src/actions/campaigns/estimateCampaignAudience.js'

const h = useMerchantRails()
const day = 86_400_000

function window(harness: MerchantHarness, days = 30) {
  const now = harness.rails.clock.now()
  return { from: new Date(now - 3_600_000).toISOString(), to: new Date(now + days * day).toISOString() }
}

/** The bank's corporate (WT09) wallet that funds campaigns. */
function organiser(harness: MerchantHarness, funds = 10_000_000): string {
  const first17 = '91310000MA1K00003'
  const wallet = harness.rails.engine.openWallet({
    type: 'WT09',
    entity: { legalName: '模拟银行', uscc: `${first17}${computeUsccCheckChar(first17)}` },
    settlementAccount: { accountNo: '6100000000007777', accountName: '模拟银行' },
  })
  harness.rails.engine.topUp(wallet.id, { amount: funds })
  return wallet.id
}

async function failure(promise: Promise<unknown>): Promise<EcnyError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: EcnyError) => error,
  )
}

describe('campaign administration with @ecny/sdk-merchant', () => {
  it('validates locally before sending: audience syntax with its column, unknown fields, bad values', async () => {
    const organiserWalletId = organiser(h)
    const base = { type: 'PT04', amount: 500, budget: { count: 10 }, validity: window(h) } as const
    const syntax = await failure(
      h.client.campaigns.create({ organiserWalletId, rule: { ...base, audience: 'payroll & | staff' } }),
    )
    expect(syntax).toMatchObject({ code: 'expression_syntax', details: { column: 11 } })
    expect(syntax.hint).toContain('^')
    const typo = await failure(
      h.client.campaigns.create({ organiserWalletId, rule: { ...base, perWalet: { perDay: 1 } } as never }),
    )
    expect(typo).toMatchObject({ code: 'invalid_request' })
    expect(typo.message).toContain("unknown field 'perWalet'")
    expect(
      await failure(createCampaign(h.client, { organiserWalletId, rule: { ...base, amount: 0 } })),
    ).toMatchObject({ code: 'invalid_request' })
    expect(h.rails.campaigns.list().data).toHaveLength(0) // nothing reached the gateway
  })

  it('designs, sizes, schedules, watches and ends a 满减 campaign', async () => {
    const organiserWalletId = organiser(h)
    const draft = await h.client.campaigns.create({
      organiserWalletId,
      rule: {
        type: 'PT03',
        name: '满40减10',
        tiers: [
          { threshold: 4_000, discount: 1_000 },
          { threshold: 8_000, discount: 2_000 },
        ],
        budget: { amount: 100_000 },
        perWallet: { perDay: 1 },
        validity: window(h),
        audience: 'payroll',
      },
    })
    expect(draft).toMatchObject({
      status: 'draft',
      type: 'PT03',
      name: '满40减10',
      budget: { amount: 100_000 },
    })

    // A bad change is caught locally against the stored rule; a good one is sent.
    expect(
      await failure(h.client.campaigns.update({ campaignId: draft.id, rule: { tiers: [] } })),
    ).toMatchObject({ code: 'invalid_request' })
    expect(
      await failure(h.client.campaigns.update({ campaignId: draft.id, rule: { audience: '(payroll' } })),
    ).toMatchObject({
      code: 'expression_syntax',
    })
    const updated = await h.client.campaigns.update({
      campaignId: draft.id,
      rule: { audience: 'payroll & !staff | new_wallet' },
    })
    expect(updated.audience).toBe('payroll & !staff | new_wallet')

    const payer = h.fundedWallet(50_000)
    h.rails.campaigns.setWalletTags(payer, { tags: ['payroll'] })
    const staff = h.fundedWallet(0)
    h.rails.campaigns.setWalletTags(staff, { tags: ['payroll', 'staff'] })
    const estimate = await h.client.campaigns.estimateAudience({
      campaignId: draft.id,
      audience: 'payroll & !staff | new_wallet',
      customers: [{ tags: ['payroll'] }, { tags: ['new_wallet', 'staff'] }, { tags: [] }],
    })
    expect(estimate).toMatchObject({
      count: 1,
      total: 2,
      local: { count: 2, total: 3, tags: ['payroll', 'staff', 'new_wallet'] },
    })

    const active = await h.client.campaigns.schedule({ campaignId: draft.id })
    expect(active).toMatchObject({ status: 'active', budget: { funded: 100_000, remaining: 100_000 } })
    expect(h.balanceOf(organiserWalletId)).toBe(10_000_000 - 100_000)
    expect((await h.client.campaigns.list({ status: 'active' })).data.map((c) => c.id)).toEqual([draft.id])

    const order = await h.client.orders.create({
      mode: 'qr',
      merchantOrderNo: 'C-1',
      amount: 9_000,
      description: 'Groceries',
    })
    h.rails.engine.payOrder(order.id, { walletId: payer })
    expect(await h.client.orders.get({ orderId: order.id })).toMatchObject({
      paidAmount: 7_000,
      benefit: { campaignId: draft.id, amount: 2_000 },
    })

    expect(await h.client.campaigns.stats({ campaignId: draft.id })).toMatchObject({
      reach: 1,
      claims: { granted: 1, redeemed: 1 },
      amount: { funded: 100_000, paidOut: 2_000, spent: 2_000, remaining: 98_000 },
      ledger: { balance: h.rails.ledger.balanceOf(`campaign:${draft.id}`) },
    })
    expect((await h.client.campaigns.claims({ campaignId: draft.id })).data).toMatchObject([
      { walletId: payer, orderId: order.id },
    ])
    expect((await h.client.campaigns.pause({ campaignId: draft.id })).status).toBe('paused')
    expect((await h.client.campaigns.resume({ campaignId: draft.id })).status).toBe('active')
    expect(
      await failure(h.client.campaigns.update({ campaignId: draft.id, rule: { name: 'late' } })),
    ).toMatchObject({ code: 'invalid_state' })
    const ended = await h.client.campaigns.end({ campaignId: draft.id })
    expect(ended).toMatchObject({ status: 'ended', endReason: 'manual', budget: { remaining: 0 } })
    expect(h.balanceOf(organiserWalletId)).toBe(10_000_000 - 2_000)
    expect(h.rails.ledger.verify().ok).toBe(true)
  })

  it('runs a lottery: entries, a seeded draw the SDK verifies, winners holding red envelopes', async () => {
    const organiserWalletId = organiser(h)
    const campaign = await h.client.campaigns.create({
      organiserWalletId,
      rule: { type: 'PT01', amount: 2_000, allocation: 'lottery', budget: { count: 2 }, validity: window(h) },
    })
    await h.client.campaigns.schedule({ campaignId: campaign.id })
    const wallets = Array.from({ length: 6 }, () => h.fundedWallet(0))
    for (const walletId of wallets) h.rails.campaigns.claim(campaign.id, { walletId })
    expect(await failure(drawCampaignLottery(h.client, { campaignId: campaign.id, seed: '' }))).toMatchObject(
      { code: 'invalid_request' },
    )
    const draw = await h.client.campaigns.draw({ campaignId: campaign.id, seed: '2025 notary seed 7' })
    expect(draw.verification).toEqual({ valid: true })
    expect(draw.winners).toHaveLength(2)
    expect(
      (await h.client.campaigns.claims({ campaignId: campaign.id, status: 'granted' })).data
        .map((c) => c.id)
        .sort(),
    ).toEqual([...draw.winners].sort())
    expect(await h.client.campaigns.stats({ campaignId: campaign.id })).toMatchObject({
      claims: { granted: 2, lost: 4 },
      budget: { reserved: 4_000 },
    })
    expect(await estimateCampaignAudience(h.client, { campaignId: campaign.id })).toMatchObject({
      count: 6,
      expression: '',
    })
  })

  describe('refunds claw back the benefit per the refund policy, end to end', () => {
    const cases: Array<[RefundPolicy, Array<[number, number]>, number]> = [
      // [policy, [refund amount, expected clawback]…, wallet balance after]
      [
        'CRP01',
        [
          [4_000, 2_000],
          [6_000, 0],
        ],
        20_000,
      ],
      [
        'CRP02',
        [
          [4_000, 800],
          [6_000, 1_200],
        ],
        20_000,
      ],
      [
        'CRP03',
        [
          [4_000, 0],
          [6_000, 2_000],
        ],
        20_000,
      ],
      [
        'CRP04',
        [
          [4_000, 0],
          [4_000, 0],
        ],
        20_000,
      ],
    ]
    for (const [policy, steps, walletAfter] of cases) {
      it(`${policy}`, async () => {
        const organiserWalletId = organiser(h)
        const campaign = await h.client.campaigns.create({
          organiserWalletId,
          rule: {
            type: 'PT04',
            amount: 2_000,
            refundPolicy: policy,
            budget: { count: 5 },
            validity: window(h),
          },
        })
        await h.client.campaigns.schedule({ campaignId: campaign.id })
        const payer = h.fundedWallet(20_000)
        const order = await h.client.orders.create({
          mode: 'qr',
          merchantOrderNo: `CRP-${policy}`,
          amount: 10_000,
          description: 'Shoes',
        })
        h.rails.engine.payOrder(order.id, { walletId: payer })
        const budgetAfterPay = h.rails.ledger.balanceOf(`campaign:${campaign.id}`)
        let clawedBack = 0
        for (const [i, [amount, clawback]] of steps.entries()) {
          const refund = await h.client.refunds.create({
            orderId: order.id,
            merchantRefundNo: `R-${policy}-${i}`,
            amount,
          })
          expect(refund).toMatchObject({ status: 'succeeded', amount, benefitClawback: clawback })
          clawedBack += clawback
        }
        expect(h.balanceOf(payer)).toBe(walletAfter)
        expect(await h.client.orders.get({ orderId: order.id })).toMatchObject({ status: 'refunded' })
        expect(h.rails.ledger.balanceOf(`campaign:${campaign.id}`)).toBe(budgetAfterPay + clawedBack)
        expect(await h.client.campaigns.stats({ campaignId: campaign.id })).toMatchObject({
          amount: { clawedBack },
        })
        expect(h.rails.ledger.verify().ok).toBe(true)
      })
    }
  })
})

/**
 * Sizing an audience with `campaigns.estimateAudience`: the campaign's own audience counts your
 * customers too when you send no expression, a campaign without one reaches everyone, and an
 * expression can be sized before any campaign exists.
 */
import { computeUsccCheckChar } from '@ecny/sdk-core/internal'
import { useMerchantRails } from '@ecny/test-utils'
import { expect, it } from 'vitest'

const h = useMerchantRails()

const customers = [
  { tags: ['payroll'] },
  { tags: ['payroll', 'staff'] },
  { tags: ['new_wallet'] },
  { tags: [] as string[] },
]

function tagged(tags: string[], mobile: string) {
  const wallet = h.rails.engine.openWallet({ level: 'WL04', mobile })
  h.rails.campaigns.setWalletTags(wallet.id, { tags })
  return wallet.id
}

async function campaignWith(audience?: string) {
  const first17 = '91310000MA1K00003'
  const organiser = h.rails.engine.openWallet({
    type: 'WT09',
    entity: { legalName: '模拟银行', uscc: `${first17}${computeUsccCheckChar(first17)}` },
    settlementAccount: { accountNo: '6100000000007777', accountName: '模拟银行' },
  })
  h.rails.engine.topUp(organiser.id, { amount: 1_000_000 })
  const now = h.rails.clock.now()
  return h.client.campaigns.create({
    organiserWalletId: organiser.id,
    rule: {
      type: 'PT04',
      amount: 500,
      budget: { count: 10 },
      ...(audience !== undefined && { audience }),
      validity: { from: new Date(now).toISOString(), to: new Date(now + 86_400_000).toISOString() },
    },
  })
}

it("counts your customers with the campaign's own audience when no expression is sent", async () => {
  tagged(['payroll'], '13911110001')
  tagged(['payroll', 'staff'], '13911110002')
  const campaign = await campaignWith('payroll & !staff')
  const estimate = await h.client.campaigns.estimateAudience({ campaignId: campaign.id, customers })
  expect(estimate).toMatchObject({
    campaignId: campaign.id,
    expression: 'payroll & !staff',
    count: 1,
    total: 2,
  })
  expect(estimate.local).toEqual({
    expression: 'payroll & !staff',
    tags: ['payroll', 'staff'],
    count: 1,
    total: 4,
  })
})

it('counts every customer for a campaign open to everyone', async () => {
  const campaign = await campaignWith()
  const estimate = await h.client.campaigns.estimateAudience({ campaignId: campaign.id, customers })
  expect(estimate.expression).toBe('')
  expect(estimate.local).toMatchObject({ count: 4, total: 4 })
})

it('sizes an audience before any campaign exists, on the gateway and locally', async () => {
  tagged(['new_wallet'], '13911110003')
  tagged(['new_wallet', 'staff'], '13911110004')
  tagged(['payroll'], '13911110005')
  const estimate = await h.client.campaigns.estimateAudience({ audience: 'new_wallet & !staff', customers })
  expect(estimate).toMatchObject({ campaignId: null, count: 1, total: 3 })
  expect(estimate.local).toMatchObject({ expression: 'new_wallet & !staff', count: 1, total: 4 })
  expect(h.rails.campaigns.list().data).toHaveLength(0)
})

it('refuses, before sending, an estimate that names neither a campaign nor an expression', async () => {
  const refused = h.client.campaigns.estimateAudience({ customers })
  await expect(refused).rejects.toMatchObject({ code: 'invalid_request' })
  await expect(refused).rejects.toThrow(/campaignId .* or audience/)
})

/**
 * A mainland number is one identity however it is typed: `+8613812341234`, `008613812341234` and
 * `13812341234` are stored as the 11 digits, so one-per-identity campaigns see one person. Foreign
 * numbers stay as given, and a `+86` number that is not a mainland mobile is refused before sending.
 */
import { computeUsccCheckChar } from '@ecny/sdk-core/internal'
import { rejectionOf, useWalletRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'

const h = useWalletRails()

function onePerIdentityCampaign() {
  const first17 = '91310000MA1K00004'
  const organiser = h.rails.engine.openWallet({
    type: 'WT09',
    entity: { legalName: '模拟银行', uscc: `${first17}${computeUsccCheckChar(first17)}` },
    settlementAccount: { accountNo: '6100000000007778', accountName: '模拟银行' },
  })
  h.rails.engine.topUp(organiser.id, { amount: 1_000_000 })
  const now = h.rails.clock.now()
  const created = h.rails.campaigns.create({
    organiserWalletId: organiser.id,
    rule: {
      type: 'PT01',
      name: '红包 ¥5',
      amount: 500,
      budget: { count: 10 },
      onePerIdentity: true,
      validity: {
        from: new Date(now - 60_000).toISOString(),
        to: new Date(now + 7 * 86_400_000).toISOString(),
      },
    },
  })
  return h.rails.campaigns.schedule(created.id)
}

/** The durable state, as the sandbox would save it. */
const saved = () => JSON.stringify(h.rails.snapshot().state)

describe('mobile numbers in E.164 form (issue #16)', () => {
  it('stores +86 and 0086 mainland numbers as the 11 digits', async () => {
    const plus = await h.client.wallets.open({ type: 'WT01', level: 'WL04', mobile: '+8613812341234' })
    const zeros = await h.client.wallets.open({ type: 'WT01', level: 'WL04', mobile: '008613812341235' })
    expect(saved()).toContain('"13812341234"')
    expect(saved()).toContain('"13812341235"')
    expect(saved()).not.toContain('+8613812341234')
    expect(saved()).not.toContain('008613812341235')
    expect(plus.holder.mobile).toBe(zeros.holder.mobile?.replace(/5$/, '4'))
  })

  it('one-per-identity campaigns see +8613812341234 and 13812341234 as one person', async () => {
    const campaign = onePerIdentityCampaign()
    const national = await h.client.wallets.open({ type: 'WT01', level: 'WL04', mobile: '13812341234' })
    const e164 = await h.client.wallets.open({ type: 'WT01', level: 'WL04', mobile: '+8613812341234' })
    await h.client.campaigns.claim({ campaignId: campaign.id, walletId: national.id })
    const error = await rejectionOf(h.client.campaigns.claim({ campaignId: campaign.id, walletId: e164.id }))
    expect(error).toMatchObject({ code: 'claim_cap_reached', details: { cap: 'identity' } })
  })

  it('keeps foreign numbers distinct (a Hong Kong number is another person)', async () => {
    const campaign = onePerIdentityCampaign()
    const hk = await h.client.wallets.open({ type: 'WT01', level: 'WL04', mobile: '+85213812341' })
    const mainland = await h.client.wallets.open({ type: 'WT01', level: 'WL04', mobile: '13812341234' })
    expect(saved()).toContain('"+85213812341"')
    await h.client.campaigns.claim({ campaignId: campaign.id, walletId: hk.id })
    const claim = await h.client.campaigns.claim({ campaignId: campaign.id, walletId: mainland.id })
    expect(claim.status).toBe('granted')
  })

  it('refuses a +86 number that is not a mainland mobile, before sending', async () => {
    const sent = h.requests.length
    const error = await rejectionOf(
      h.client.wallets.open({ type: 'WT01', level: 'WL04', mobile: '+8612812341234' }),
    )
    expect(error).toMatchObject({ code: 'invalid_request' })
    expect(error.message).toContain('after +86 is not a mainland mobile')
    expect(h.requests.length).toBe(sent)
  })
})

import { describe, expect, it } from 'vitest'
import { campaignRig, refusal } from './campaignFixtures.js'

describe('transfer rewards (转账有礼) through CampaignHooks.onTransfer', () => {
  function setUp(extra: Record<string, unknown> = {}) {
    const rig = campaignRig()
    const campaign = rig.launch({
      type: 'transfer_reward',
      name: '转账有礼',
      amount: 88,
      points: 5,
      minTransferAmount: 100,
      perWallet: { perDay: 1 },
      budget: { count: 1_000 },
      ...extra,
    })
    const from = rig.wallet(100_000)
    const to = rig.wallet(0)
    const send = (amount: number, campaignId: string | null = campaign.id) =>
      rig.engine.createTransfer({
        fromWalletId: from,
        toWalletId: to,
        amount,
        ...(campaignId && { campaignId }),
      })
    return { rig, campaign, from, to, send }
  }

  it('rewards the sender once a day: the next transfer that day says why not; the next day pays again', () => {
    const { rig, campaign, from, send } = setUp()
    const first = send(1_000)
    expect(first.reward).toMatchObject({
      granted: true,
      amount: 88,
      points: 5,
      claimId: expect.stringMatching(/^clm_/),
    })
    expect(rig.balance(from)).toBe(100_000 - 1_000 + 88)
    expect(rig.campaigns.pointsOf(from)).toBe(5)
    const second = send(1_000)
    expect(second.reward).toMatchObject({
      granted: false,
      reason: 'claim_cap_reached',
      cap: 'perDay',
      message: expect.stringContaining('2025-03-11T00:00:00.000+08:00'),
    })
    expect(send(99).reward).toMatchObject({ granted: false, reason: 'below_minimum' })
    rig.rails.clock.set('2025-03-11T00:00:00+08:00')
    expect(send(100).reward).toMatchObject({ granted: true, amount: 88 })
    expect(rig.expectConsistent(campaign.id)).toMatchObject({
      reach: 1,
      claims: { granted: 2 },
      points: 10,
      amount: { paidOut: 176 },
    })
    const history = rig.engine.listTransactions(from).data.map((tx) => tx.kind)
    expect(history.filter((kind) => kind === 'reward')).toHaveLength(2)
  })

  it('a transfer made without the campaign can claim its reward once, naming the transfer', () => {
    const { rig, campaign, from, to, send } = setUp()
    const plain = send(1_000, null)
    expect(plain.reward).toBeNull()
    const claim = rig.campaigns.claim(campaign.id, { walletId: from, transferId: plain.id })
    expect(claim).toMatchObject({ status: 'granted', amount: 88, points: 5, transferId: plain.id })
    expect(rig.campaigns.claim(campaign.id, { walletId: from, transferId: plain.id }).id).toBe(claim.id)
    expect(
      refusal(() => rig.campaigns.claim(campaign.id, { walletId: to, transferId: plain.id })),
    ).toMatchObject({ code: 'conflict' })
    const other = send(1_000, null)
    expect(
      refusal(() => rig.campaigns.claim(campaign.id, { walletId: from, transferId: other.id })),
    ).toMatchObject({
      code: 'claim_cap_reached',
    })
    expect(refusal(() => rig.campaigns.claim(campaign.id, { walletId: from }))).toMatchObject({
      code: 'invalid_request',
    })
  })

  it('says so when the campaign is unknown, paused, out of budget or the sender is outside the audience', () => {
    const { rig, campaign, send } = setUp({
      budget: { amount: 100 },
      perWallet: undefined,
      audience: '!blocked',
    })
    expect(send(1_000, 'cmp_nope').reward).toEqual({ granted: false, reason: 'campaign_not_found' })
    expect(send(1_000).reward).toMatchObject({ granted: true, amount: 88 })
    expect(send(1_000).reward).toMatchObject({ granted: false, reason: 'budget_exhausted' })
    rig.campaigns.pause(campaign.id)
    expect(send(1_000).reward).toMatchObject({ granted: false, reason: 'campaign_not_active' })
    rig.campaigns.resume(campaign.id)
    const blocked = rig.wallet(10_000, ['blocked'])
    const transfer = rig.engine.createTransfer({
      fromWalletId: blocked,
      toWalletId: rig.wallet(0),
      amount: 500,
      campaignId: campaign.id,
    })
    expect(transfer.reward).toMatchObject({ granted: false, reason: 'not_eligible' })
    rig.expectConsistent(campaign.id)
  })
})

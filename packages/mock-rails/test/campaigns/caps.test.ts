import { describe, expect, it } from 'vitest'
import { campaignRig, refusal } from './campaignFixtures.js'

describe('per-wallet caps at their boundaries (Asia/Shanghai days and months, by the rails clock)', () => {
  it('1 a day, 3 a month, 5 in all: each cap holds to the millisecond and resets at Shanghai midnight', () => {
    const rig = campaignRig()
    const campaign = rig.launch({
      type: 'PT02',
      faceValue: 100,
      perWallet: { perDay: 1, perMonth: 3, total: 5 },
      budget: { count: 1_000 },
    })
    const wallet = rig.wallet()
    const claim = () => rig.campaigns.claim(campaign.id, { walletId: wallet })
    const at = (shanghai: string) => rig.rails.clock.set(`${shanghai}+08:00`)

    expect(claim().status).toBe('granted') // 2025-03-10 10:00
    expect(refusal(claim)).toMatchObject({
      code: 'claim_cap_reached',
      details: { cap: 'perDay', limit: 1, used: 1, resetsAt: '2025-03-11T00:00:00.000+08:00' },
    })
    at('2025-03-10T23:59:59.999') // 15:59:59.999 UTC: still the 10th in Shanghai
    expect(refusal(claim)).toMatchObject({ details: { cap: 'perDay' } })
    rig.rails.clock.advance(1)
    expect(claim().status).toBe('granted') // the 11th
    at('2025-03-12T00:00:00.000')
    expect(claim().status).toBe('granted') // 3 this month
    at('2025-03-13T12:00:00.000')
    expect(refusal(claim)).toMatchObject({
      details: { cap: 'perMonth', limit: 3, used: 3, resetsAt: '2025-04-01T00:00:00.000+08:00' },
    })
    at('2025-03-31T23:59:59.999')
    expect(refusal(claim)).toMatchObject({ details: { cap: 'perMonth' } })
    rig.rails.clock.advance(1) // 1 April in Shanghai (still 31 March in UTC)
    expect(claim().status).toBe('granted')
    at('2025-04-02T08:00:00.000')
    expect(claim().status).toBe('granted') // 5 in all
    at('2025-04-03T08:00:00.000')
    const total = refusal(claim)
    expect(total).toMatchObject({ code: 'claim_cap_reached', details: { cap: 'total', limit: 5, used: 5 } })
    expect(total.details).not.toHaveProperty('resetsAt')
    expect(rig.expectConsistent(campaign.id)).toMatchObject({
      reach: 1,
      claims: { granted: 5, held: 5 },
      budget: { reserved: 500 },
    })
  })

  it('order benefits respect the caps: the next order that day pays in full; naming the campaign says why', () => {
    const rig = campaignRig()
    const campaign = rig.launch({
      type: 'PT04',
      amount: 200,
      perWallet: { perDay: 1 },
      budget: { count: 100 },
    })
    const wallet = rig.wallet()
    expect(rig.pay(wallet, 1_000)).toMatchObject({ paidAmount: 800 })
    expect(rig.pay(wallet, 1_000)).toMatchObject({ paidAmount: 1_000, benefit: null })
    expect(refusal(() => rig.pay(wallet, 1_000, { campaignId: campaign.id }))).toMatchObject({
      code: 'claim_cap_reached',
      details: { cap: 'perDay' },
    })
    rig.rails.clock.set('2025-03-11T00:00:00+08:00')
    expect(rig.pay(wallet, 1_000)).toMatchObject({ paidAmount: 800 })
    rig.expectConsistent(campaign.id)
  })

  it('one per identity: a second wallet of the same person is refused; entries and claims idempotent by key', () => {
    const rig = campaignRig()
    const campaign = rig.launch({ type: 'PT01', amount: 500, onePerIdentity: true, budget: { count: 10 } })
    const first = rig.realNameWallet('123', 'WL03')
    const second = rig.realNameWallet('123', 'WL02')
    const someoneElse = rig.realNameWallet('456', 'WL03')
    const claim = rig.campaigns.claim(campaign.id, { walletId: first, claimKey: 'tap-1' })
    expect(rig.campaigns.claim(campaign.id, { walletId: first, claimKey: 'tap-1' }).id).toBe(claim.id)
    expect(refusal(() => rig.campaigns.claim(campaign.id, { walletId: second }))).toMatchObject({
      code: 'claim_cap_reached',
      details: { cap: 'identity' },
    })
    expect(
      refusal(() => rig.campaigns.claim(campaign.id, { walletId: someoneElse, claimKey: 'tap-1' })),
    ).toMatchObject({ code: 'conflict' })
    expect(rig.campaigns.claim(campaign.id, { walletId: someoneElse }).status).toBe('granted')
    expect(rig.expectConsistent(campaign.id)).toMatchObject({ reach: 2, claims: { granted: 2 } })
  })

  it('audiences decide who may claim, with the reason', () => {
    const rig = campaignRig()
    const campaign = rig.launch({
      type: 'PT02',
      faceValue: 100,
      audience: 'payroll & !staff | new_wallet',
      budget: { count: 10 },
    })
    const staff = rig.wallet(0, ['payroll', 'staff'])
    expect(refusal(() => rig.campaigns.claim(campaign.id, { walletId: staff }))).toMatchObject({
      code: 'not_eligible',
      details: { reason: 'audience', missing: ['new_wallet'], excluded: ['staff'] },
    })
    expect(rig.campaigns.eligible(staff)).toEqual([])
    const payroll = rig.wallet(0, ['payroll'])
    expect(rig.campaigns.eligible(payroll)).toEqual([
      expect.objectContaining({ id: campaign.id, type: 'PT02', earnedBy: 'claim', amount: 100, held: 0 }),
    ])
    rig.campaigns.claim(campaign.id, { walletId: payroll })
    expect(rig.campaigns.eligible(payroll)[0]).toMatchObject({
      held: 1,
      usage: { today: 1, thisMonth: 1, total: 1 },
    })
    rig.campaigns.setWalletTags(staff, { tags: ['new_wallet'] })
    expect(rig.campaigns.claim(campaign.id, { walletId: staff }).status).toBe('granted')
  })
})

import { describe, expect, it } from 'vitest'
import { createRails } from '../../src/createRails.js'
import { campaignRig, refusal } from './campaignFixtures.js'

const hour = 3_600_000

describe('campaign lifecycle by the rails clock', () => {
  it('draft → scheduled → active at the window start (funded then) → ended at its end (budget returned)', () => {
    const rig = campaignRig({ organiserFunds: 50_000 })
    const window = { from: '2025-03-11T00:00:00+08:00', to: '2025-03-12T00:00:00+08:00' }
    const draft = rig.campaigns.create({
      rule: { type: 'PT04', amount: 500, budget: { count: 10 }, validity: window },
      organiserWalletId: rig.organiser.id,
    })
    expect(draft).toMatchObject({
      status: 'draft',
      budget: { amount: 5_000, funded: 0 },
      startsAt: '2025-03-11T00:00:00.000+08:00',
    })
    const wallet = rig.wallet()
    expect(refusal(() => rig.campaigns.claim(draft.id, { walletId: wallet }))).toMatchObject({
      code: 'not_eligible',
    })
    expect(rig.campaigns.schedule(draft.id).status).toBe('scheduled')
    expect(rig.balance(rig.organiser.id)).toBe(50_000)
    expect(rig.pay(wallet, 1_000).benefit).toBeNull() // not started

    rig.rails.clock.set('2025-03-10T15:59:59.999Z') // 23:59:59.999 Shanghai, the day before
    expect(rig.campaigns.get(draft.id).status).toBe('scheduled')
    rig.rails.clock.advance(1) // exactly the start
    expect(rig.campaigns.get(draft.id)).toMatchObject({
      status: 'active',
      activatedAt: '2025-03-11T00:00:00.000+08:00',
    })
    expect(rig.balance(rig.organiser.id)).toBe(45_000)
    expect(rig.pay(wallet, 1_000).benefit).toMatchObject({ amount: 500 })

    rig.rails.clock.set('2025-03-11T15:59:59.999Z') // the last instant inside the window
    expect(rig.pay(wallet, 1_000).benefit).toMatchObject({ amount: 500 })
    rig.rails.clock.advance(1) // the end: issuance stops, the rest goes back
    expect(rig.campaigns.get(draft.id)).toMatchObject({
      status: 'ended',
      endReason: 'window_closed',
      endedAt: '2025-03-12T00:00:00.000+08:00',
    })
    expect(rig.pay(wallet, 1_000).benefit).toBeNull()
    expect(rig.balance(rig.organiser.id)).toBe(49_000)
    expect(rig.expectConsistent(draft.id)).toMatchObject({
      amount: { funded: 5_000, paidOut: 1_000, released: 4_000, remaining: 0 },
    })
  })

  it('pause stops new benefits, held vouchers stay usable; resume; end expires what is held', () => {
    const rig = campaignRig()
    const campaign = rig.launch({ type: 'PT02', faceValue: 1_000, budget: { count: 5 } })
    const [a, b] = [rig.wallet(), rig.wallet()]
    rig.campaigns.claim(campaign.id, { walletId: a })
    rig.campaigns.claim(campaign.id, { walletId: b })
    expect(rig.campaigns.pause(campaign.id).status).toBe('paused')
    expect(refusal(() => rig.campaigns.claim(campaign.id, { walletId: rig.wallet() }))).toMatchObject({
      code: 'campaign_not_active',
      details: { status: 'paused' },
    })
    expect(rig.pay(a, 2_000).benefit).toMatchObject({ amount: 1_000 })
    expect(refusal(() => rig.campaigns.pause(campaign.id))).toMatchObject({ code: 'invalid_state' })
    expect(rig.campaigns.resume(campaign.id).status).toBe('active')
    const ended = rig.campaigns.end(campaign.id)
    expect(ended).toMatchObject({ status: 'ended', endReason: 'manual' })
    expect(rig.campaigns.listClaims(campaign.id, { walletId: b }).data[0]).toMatchObject({
      status: 'expired',
    })
    expect(rig.pay(b, 2_000).benefit).toBeNull()
    expect(rig.expectConsistent(campaign.id)).toMatchObject({
      claims: { granted: 2, redeemed: 1, expired: 1, held: 0 },
      amount: { funded: 5_000, paidOut: 1_000, released: 4_000 },
    })
    expect(refusal(() => rig.campaigns.resume(campaign.id))).toMatchObject({ code: 'invalid_state' })
  })

  it('changes only drafts and scheduled campaigns; validates the merged rule; null removes a field', () => {
    const rig = campaignRig()
    const draft = rig.campaigns.create({
      rule: {
        type: 'PT04',
        amount: 500,
        budget: { count: 10 },
        audience: 'vip',
        validity: { from: '2025-04-01T00:00:00+08:00', to: '2025-04-02T00:00:00+08:00' },
      },
      organiserWalletId: rig.organiser.id,
    })
    expect(rig.campaigns.update(draft.id, { rule: { amount: 700, audience: null } })).toMatchObject({
      budget: { amount: 7_000 },
      audience: null,
      rule: { amount: 700 },
    })
    expect(refusal(() => rig.campaigns.update(draft.id, { rule: { amount: -1 } }))).toMatchObject({
      code: 'invalid_request',
      details: { issues: [expect.objectContaining({ path: 'rule.amount' })] },
    })
    expect(refusal(() => rig.campaigns.update(draft.id, { rule: { audience: 'vip & (' } }))).toMatchObject({
      code: 'expression_syntax',
      details: { path: 'rule.audience', column: 8 },
    })
    rig.campaigns.schedule(draft.id)
    expect(rig.campaigns.update(draft.id, { rule: { name: '清明立减' } }).name).toBe('清明立减')
    rig.rails.clock.set('2025-04-01T00:00:00+08:00')
    expect(rig.campaigns.get(draft.id).status).toBe('active')
    expect(refusal(() => rig.campaigns.update(draft.id, { rule: { amount: 1 } }))).toMatchObject({
      code: 'invalid_state',
    })
  })

  it('refuses what cannot work: a bad audience, a personal organiser, an unfundable budget, a past window', () => {
    const rig = campaignRig({ organiserFunds: 1_000 })
    const base = {
      type: 'PT04',
      amount: 500,
      budget: { count: 10 },
      validity: { from: '2025-03-10T00:00:00+08:00', to: '2025-03-20T00:00:00+08:00' },
    }
    expect(
      refusal(() =>
        rig.campaigns.create({
          rule: { ...base, audience: 'payroll & & staff' },
          organiserWalletId: rig.organiser.id,
        }),
      ),
    ).toMatchObject({
      code: 'expression_syntax',
      details: { column: 11 },
    })
    expect(
      refusal(() => rig.campaigns.create({ rule: base, organiserWalletId: rig.wallet() })),
    ).toMatchObject({
      code: 'invalid_request',
      details: { issues: [{ path: 'organiserWalletId', message: 'must be a WT09 wallet' }] },
    })
    const draft = rig.campaigns.create({ rule: base, organiserWalletId: rig.organiser.id })
    expect(refusal(() => rig.campaigns.schedule(draft.id))).toMatchObject({
      code: 'insufficient_funds',
      details: { shortfall: 4_000 },
    })
    rig.rails.clock.advance(30 * 24 * hour)
    expect(refusal(() => rig.campaigns.schedule(draft.id))).toMatchObject({ code: 'invalid_state' })
  })

  it('a campaign whose organiser cannot fund it at the start ends with funding_failed', () => {
    const rig = campaignRig({ organiserFunds: 5_000 })
    const created = rig.campaigns.create({
      rule: {
        type: 'PT04',
        amount: 500,
        budget: { count: 10 },
        validity: { from: '2025-03-11T00:00:00+08:00', to: '2025-03-12T00:00:00+08:00' },
      },
      organiserWalletId: rig.organiser.id,
    })
    rig.campaigns.schedule(created.id)
    rig.engine.redeem(rig.organiser.id, { amount: 1 })
    rig.rails.clock.set('2025-03-11T00:00:00+08:00')
    expect(rig.campaigns.get(created.id)).toMatchObject({
      status: 'ended',
      endReason: 'funding_failed',
      budget: { funded: 0 },
    })
  })

  it('lists campaigns by status and pages claims; estimates an audience over the rails wallets', () => {
    const rig = campaignRig()
    const a = rig.launch({
      type: 'PT02',
      faceValue: 100,
      budget: { count: 10 },
      audience: 'payroll & !staff | new_wallet',
    })
    rig.launch({ type: 'PT04', amount: 1, budget: { count: 10 } })
    rig.campaigns.end(a.id)
    expect(rig.campaigns.list({ status: 'ended' }).data.map((c) => c.id)).toEqual([a.id])
    expect(rig.campaigns.list({}).data).toHaveLength(2)
    rig.wallet(0, ['payroll'])
    rig.wallet(0, ['payroll', 'staff'])
    const newbie = rig.wallet(0, [])
    rig.campaigns.setWalletTags(newbie, { tags: ['new_wallet', 'new_wallet'] })
    expect(rig.engine.getWallet(newbie).tags).toEqual(['new_wallet'])
    expect(rig.campaigns.estimateAudience(a.id)).toEqual({
      campaignId: a.id,
      expression: 'payroll & !staff | new_wallet',
      tags: ['payroll', 'staff', 'new_wallet'],
      count: 2,
      total: 3,
    })
    expect(rig.campaigns.estimateAudience(a.id, { audience: 'staff' })).toMatchObject({ count: 1, total: 3 })
  })

  it('campaigns survive snapshot and restore', () => {
    const rig = campaignRig()
    const campaign = rig.launch({
      type: 'PT02',
      faceValue: 100,
      perWallet: { perDay: 1 },
      budget: { count: 10 },
    })
    const wallet = rig.wallet()
    rig.campaigns.claim(campaign.id, { walletId: wallet })
    const copy = createRails({ state: JSON.parse(JSON.stringify(rig.rails.snapshot())) })
    expect(copy.campaigns.stats(campaign.id)).toEqual(rig.campaigns.stats(campaign.id))
    expect(() => copy.campaigns.claim(campaign.id, { walletId: wallet })).toThrow(/cap is 1 a day/)
    expect(copy.ledger.verify().ok).toBe(true)
  })
})

import { verifyLotteryDraw } from '@ecny/sdk-core'
import { drawLottery } from '@ecny/sdk-core/internal'
import { describe, expect, it } from 'vitest'
import { campaignRig, refusal } from './campaignFixtures.js'

async function lotteryRun(seed: string) {
  const rig = campaignRig()
  const campaign = rig.launch({ type: 'PT02', faceValue: 1_000, allocation: 'lottery', budget: { count: 3 } })
  const wallets = Array.from({ length: 10 }, () => rig.wallet())
  const entries = wallets.map((walletId) => rig.campaigns.claim(campaign.id, { walletId }))
  const draw = await rig.campaigns.draw(campaign.id, { seed })
  return { rig, campaign, wallets, entries, draw }
}

describe('lottery allocation', () => {
  it('collects one entry per wallet, draws reproducibly from the seed, stores an audit that verifies', async () => {
    const { rig, campaign, wallets, entries, draw } = await lotteryRun('notary seed 2025-03-31 #4471')
    expect(entries.every((entry) => entry.status === 'entered' && entry.amount === null)).toBe(true)
    expect(draw.winners).toHaveLength(3)
    expect(draw.entrants).toEqual(entries.map((entry) => entry.id))
    expect(await verifyLotteryDraw(draw.audit, draw.entrants)).toEqual({ valid: true })
    const loser = entries.find((entry) => !draw.winners.includes(entry.id))!.id
    expect(
      await verifyLotteryDraw(
        { ...draw.audit, winners: [loser, ...draw.audit.winners.slice(1)] },
        draw.entrants,
      ),
    ).toMatchObject({
      valid: false,
    })
    // The same algorithm run by anyone gives the same winners.
    const again = await drawLottery({ entrants: [...draw.entrants].reverse(), winners: 3, seed: draw.seed })
    expect(again.winners).toEqual(draw.winners)

    const winners = new Set(draw.winners)
    for (const entry of entries) {
      expect(rig.campaigns.getClaim(entry.id)).toMatchObject(
        winners.has(entry.id) ? { status: 'granted', amount: 1_000 } : { status: 'lost' },
      )
    }
    const winnerWallet = wallets[entries.findIndex((entry) => winners.has(entry.id))]!
    expect(rig.pay(winnerWallet, 3_000)).toMatchObject({ paidAmount: 2_000 })
    expect(rig.expectConsistent(campaign.id)).toMatchObject({
      reach: 3,
      claims: { granted: 3, redeemed: 1, held: 2, lost: 7, entered: 0 },
      budget: { countUsed: 3, reserved: 2_000 },
    })
    expect(rig.campaigns.getDraw(campaign.id)).toEqual(draw)
  })

  it('same seed and entries → the same winners on other rails; another seed → (almost surely) others', async () => {
    const one = await lotteryRun('seed-A')
    const two = await lotteryRun('seed-A')
    const three = await lotteryRun('seed-B')
    expect(two.draw.winners).toEqual(one.draw.winners)
    expect(two.draw.audit).toEqual(one.draw.audit)
    expect(three.draw.audit.entrantsHash).toBe(one.draw.audit.entrantsHash)
    expect(three.draw.winners).not.toEqual(one.draw.winners)
  })

  it('draws once: entries close, the same seed returns the stored draw, another seed is refused', async () => {
    const { rig, campaign, draw } = await lotteryRun('once')
    expect(await rig.campaigns.draw(campaign.id, { seed: 'once' })).toEqual(draw)
    await expect(rig.campaigns.draw(campaign.id, { seed: 'twice' })).rejects.toMatchObject({
      code: 'invalid_state',
    })
    expect(refusal(() => rig.campaigns.claim(campaign.id, { walletId: rig.wallet() }))).toMatchObject({
      code: 'invalid_state',
    })
  })

  it('one entry per wallet; fcfs campaigns are not drawn; points lotteries pay points; prizes fit the budget', async () => {
    const rig = campaignRig()
    const fcfs = rig.launch({ type: 'PT02', faceValue: 100, budget: { count: 3 } })
    await expect(rig.campaigns.draw(fcfs.id, { seed: 'x' })).rejects.toMatchObject({ code: 'invalid_state' })
    const points = rig.launch({ type: 'PT07', points: 50, allocation: 'lottery', budget: { count: 2 } })
    const wallet = rig.wallet()
    rig.campaigns.claim(points.id, { walletId: wallet })
    expect(refusal(() => rig.campaigns.claim(points.id, { walletId: wallet }))).toMatchObject({
      code: 'claim_cap_reached',
      details: { cap: 'entry' },
    })
    const draw = await rig.campaigns.draw(points.id, { seed: 'p' })
    expect(draw.winners).toHaveLength(1) // fewer entrants than prizes: everyone wins
    expect(rig.campaigns.pointsOf(wallet)).toBe(50)
    // 2 prizes of 1000 wanted, 1500 fen of budget: one prize can be paid.
    const short = rig.launch({
      type: 'PT02',
      faceValue: 1_000,
      allocation: 'lottery',
      budget: { count: 2, amount: 1_500 },
    })
    for (let i = 0; i < 4; i++) rig.campaigns.claim(short.id, { walletId: rig.wallet() })
    expect((await rig.campaigns.draw(short.id, { seed: 's' })).winners).toHaveLength(1)
    rig.expectConsistent(short.id)
  })
})

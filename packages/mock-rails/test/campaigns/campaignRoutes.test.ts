import { campaign as campaignSchema, campaignStats, lotteryDraw } from '@ecny/protocol'
import { verifyLotteryDraw } from '@ecny/sdk-core'
import { z } from '@ecny/sdk-core/internal'
import { createSignedClient } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import { campaignRig, validity } from './campaignFixtures.js'

async function http() {
  const rig = campaignRig()
  const app = await rig.rails.createDemoApp()
  const client = createSignedClient({
    ...app,
    send: (request) => rig.rails.handle(request),
    now: () => rig.rails.clock.now(),
  })
  let keys = 0
  const post = (path: string, body: unknown = {}) =>
    client.call('POST', path, body, { idempotencyKey: `k-${++keys}` })
  return { rig, client, post, get: (path: string) => client.call('GET', path) }
}

describe('campaign routes over HTTP', () => {
  it('creates, changes, schedules, lists, reads stats and estimates audiences; responses fit the SDK schemas', async () => {
    const { rig, client, post, get } = await http()
    const bad = await post('/v1/campaigns', {
      rule: { type: 'PT04', amount: 100, budget: { count: 5 }, validity, audience: 'payroll &' },
      organiserWalletId: rig.organiser.id,
    })
    expect(bad.status).toBe(400)
    expect(bad.json).toMatchObject({
      error: { code: 'expression_syntax', details: { column: 10, path: 'rule.audience' } },
    })

    const created = await post('/v1/campaigns', {
      rule: { type: 'PT04', amount: 100, budget: { count: 5 }, validity, audience: 'payroll' },
      organiserWalletId: rig.organiser.id,
    })
    expect(created.status).toBe(200)
    const id = (created.json as { id: string }).id
    expect(z.safeParse(campaignSchema, created.json).success).toBe(true)
    const patched = await client.call('PATCH', `/v1/campaigns/${id}`, { rule: { amount: 150 } })
    expect(patched.json).toMatchObject({ budget: { amount: 750 } })
    expect((await post(`/v1/campaigns/${id}/schedule`)).json).toMatchObject({ status: 'active' })
    expect((await client.call('PATCH', `/v1/campaigns/${id}`, { rule: { amount: 1 } })).json).toMatchObject({
      error: { code: 'invalid_state' },
    })
    expect((await get('/v1/campaigns?status=active')).json).toMatchObject({
      data: [{ id }],
      nextCursor: null,
    })
    expect((await get(`/v1/campaigns/${id}`)).json).toMatchObject({ id, status: 'active' })

    const payroll = rig.wallet(10_000, [])
    expect((await post(`/v1/wallets/${payroll}/tags`, { tags: ['payroll'] })).json).toMatchObject({
      tags: ['payroll'],
    })
    rig.wallet(0, ['staff'])
    expect((await post(`/v1/campaigns/${id}/audience-estimate`)).json).toEqual({
      campaignId: id,
      expression: 'payroll',
      tags: ['payroll'],
      count: 1,
      total: 2,
    })
    expect((await post(`/v1/campaigns/${id}/audience-estimate`, { audience: '!(' })).json).toMatchObject({
      error: { code: 'expression_syntax' },
    })
    rig.pay(payroll, 1_000)
    const stats = await get(`/v1/campaigns/${id}/stats`)
    expect(z.safeParse(campaignStats, stats.json).success).toBe(true)
    expect(stats.json).toMatchObject({ reach: 1, amount: { paidOut: 150 }, ledger: { balance: 600 } })
    expect((await post(`/v1/campaigns/${id}/end`)).json).toMatchObject({ status: 'ended' })
    expect((await get('/v1/campaigns/cmp_missing')).status).toBe(404)
  })

  it('holders claim with a wallet token; the wallet sees eligible campaigns; refusals carry their codes', async () => {
    const { rig, post, client, get } = await http()
    const campaign = rig.launch({
      type: 'PT02',
      faceValue: 500,
      perWallet: { perDay: 1 },
      budget: { count: 10 },
    })
    const wallet = rig.wallet(10_000)
    const token = (
      (await post('/v1/client-tokens', { scope: { type: 'wallet', id: wallet } })).json as { token: string }
    ).token
    const eligible = await client.call('GET', `/v1/wallets/${wallet}/eligible-campaigns`, undefined, {
      bearer: token,
    })
    expect(eligible.json).toMatchObject({ data: [{ id: campaign.id, earnedBy: 'claim', amount: 500 }] })
    const claimAs = (walletId: string) =>
      client.call(
        'POST',
        `/v1/campaigns/${campaign.id}/claims`,
        { walletId },
        { bearer: token, idempotencyKey: crypto.randomUUID() },
      )
    const granted = await claimAs(wallet)
    expect(granted.json).toMatchObject({ status: 'granted', amount: 500, walletId: wallet })
    expect((await claimAs(wallet)).json).toMatchObject({
      error: { code: 'claim_cap_reached', details: { cap: 'perDay' } },
    })
    expect((await claimAs(rig.wallet())).status).toBe(403)
    expect((await get(`/v1/campaigns/${campaign.id}/claims?walletId=${wallet}`)).json).toMatchObject({
      data: [{ walletId: wallet }],
    })
  })

  it('draws a lottery over HTTP and serves the audit', async () => {
    const { rig, post, get } = await http()
    const campaign = rig.launch({ type: 'PT01', amount: 666, allocation: 'lottery', budget: { count: 2 } })
    for (let i = 0; i < 5; i++) await post(`/v1/campaigns/${campaign.id}/claims`, { walletId: rig.wallet(0) })
    expect((await get(`/v1/campaigns/${campaign.id}/draw`)).status).toBe(404)
    const drawn = await post(`/v1/campaigns/${campaign.id}/draw`, { seed: 'public seed' })
    expect(drawn.status).toBe(200)
    const draw = z.parse(lotteryDraw, drawn.json)
    expect(draw.winners).toHaveLength(2)
    expect(await verifyLotteryDraw(draw.audit as never, draw.entrants)).toEqual({ valid: true })
    expect((await get(`/v1/campaigns/${campaign.id}/draw`)).json).toEqual(drawn.json)
  })
})

import { describe, expect, it } from 'vitest'
import { useInlineGateway } from '../../../test/e2e/support/inlineGateway.js'
import { claimReward } from './claimReward.js'
import { listEligibleCampaigns } from './listEligibleCampaigns.js'

const gateway = useInlineGateway()
const walletId = '0099000000000001'

// The campaign engine is not in the rails yet: these pin the SDK side of the documented routes.
describe('campaign actions (holder side)', () => {
  it('claims a benefit with one idempotency key and tolerates extra fields', async () => {
    gateway.on('POST /v1/campaigns/cmp_1/claims', ({ body }) => ({
      json: {
        id: 'clm_1',
        campaignId: 'cmp_1',
        ...(body as object),
        status: 'granted',
        amount: 1_000,
        extra: true,
      },
    }))
    const claim = await claimReward(gateway.client(), { campaignId: 'cmp_1', walletId, transferId: 'trf_1' })
    expect(claim).toMatchObject({ id: 'clm_1', amount: 1_000, walletId, extra: true })
    expect(gateway.seen[0]).toMatchObject({
      path: '/v1/campaigns/cmp_1/claims',
      body: { walletId, transferId: 'trf_1' },
    })
    expect(gateway.seen[0]!.headers.get('idempotency-key')).toMatch(/^idk_/)
  })

  it('surfaces the gateway’s refusal codes', async () => {
    gateway.on('POST /v1/campaigns/cmp_1/claims', {
      status: 409,
      json: {
        error: { code: 'claim_cap_reached', message: 'Once per day.', details: { resetsAt: 'tomorrow' } },
      },
    })
    await expect(claimReward(gateway.client(), { campaignId: 'cmp_1', walletId })).rejects.toMatchObject({
      code: 'claim_cap_reached',
    })
  })

  it('lists eligible campaigns across pages', async () => {
    gateway.on(`GET /v1/wallets/${walletId}/eligible-campaigns`, ({ path }) => ({
      json: path.includes('cursor=p2')
        ? { data: [{ id: 'cmp_2' }], nextCursor: null }
        : { data: [{ id: 'cmp_1', name: '转账有礼' }], nextCursor: 'p2' },
    }))
    expect((await listEligibleCampaigns(gateway.client(), { walletId })).map((c) => c.id)).toEqual([
      'cmp_1',
      'cmp_2',
    ])
  })

  it('validates before sending', async () => {
    await expect(claimReward(gateway.client(), { campaignId: 'cmp 1', walletId })).rejects.toMatchObject({
      code: 'invalid_request',
    })
    expect(gateway.seen).toHaveLength(0)
  })
})

import type { CampaignHooks } from '@ecny/mock-rails'
import { useWalletRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import {
  createTransfer,
  type EcnyError,
  getTransfer,
  listEligibleCampaigns,
  listTransfers,
} from '../../src/index.js'

// A transfer-reward campaign (转账有礼): 5 points per transfer, once a day per wallet.
const rewarded = new Set<string>()
const campaignHooks: CampaignHooks = {
  onTransfer: ({ campaignId, transfer, now }) => {
    if (campaignId !== 'cmp_transfer_5pts') return { granted: false, reason: 'campaign_not_found' }
    const key = `${transfer.fromWalletId}:${Math.floor((now + 8 * 3_600_000) / 86_400_000)}`
    if (rewarded.has(key)) return { granted: false, reason: 'claim_cap_reached' }
    rewarded.add(key)
    return { granted: true, points: 5, claimId: `clm_${rewarded.size}` }
  },
  eligibleCampaigns: () => [
    { id: 'cmp_transfer_5pts', name: '转账有礼', type: 'transfer_reward', points: 5 },
  ],
}

const h = useWalletRails({ campaignHooks })

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: unknown) => error as EcnyError,
  )
}

describe('transfers', () => {
  it('moves money between wallets; reads and lists the transfer on both sides', async () => {
    const from = await h.openFunded(10_000)
    const to = await h.openFunded(0)
    const sent = await h.client.transfers.create({
      fromWalletId: from,
      toWalletId: to,
      amount: 3_000,
      memo: '午饭',
    })
    expect(sent).toMatchObject({
      fromWalletId: from,
      toWalletId: to,
      amount: 3_000,
      status: 'succeeded',
      memo: '午饭',
    })
    expect(sent.reward ?? null).toBeNull()
    expect(h.balanceOf(from)).toBe(7_000)
    expect(h.balanceOf(to)).toBe(3_000)
    expect(h.rails.ledger.verify()).toMatchObject({ ok: true })

    expect(await getTransfer(h.client, { transferId: sent.id })).toMatchObject({ id: sent.id, amount: 3_000 })
    await h.client.transfers.create({ fromWalletId: to, toWalletId: from, amount: 1_000 })
    const seen: number[] = []
    for await (const transfer of listTransfers(h.client, { walletId: from, pageSize: 1 }))
      seen.push(transfer.amount)
    expect(seen).toEqual([1_000, 3_000])
    const incoming = []
    for await (const transfer of h.client.transfers.list({ walletId: to })) incoming.push(transfer.id)
    expect(incoming).toHaveLength(2)
  })

  it('earns a transfer reward once a day through a campaign', async () => {
    const from = await h.openFunded(10_000)
    const to = await h.openFunded(0)
    const campaigns = await listEligibleCampaigns(h.client, { walletId: from })
    expect(campaigns).toEqual([expect.objectContaining({ id: 'cmp_transfer_5pts', points: 5 })])
    const first = await createTransfer(h.client, {
      fromWalletId: from,
      toWalletId: to,
      amount: 100,
      campaignId: campaigns[0]!.id,
    })
    expect(first.reward).toMatchObject({ granted: true, points: 5 })
    const second = await createTransfer(h.client, {
      fromWalletId: from,
      toWalletId: to,
      amount: 100,
      campaignId: campaigns[0]!.id,
    })
    expect(second.reward).toMatchObject({ granted: false, reason: 'claim_cap_reached' })
    expect(h.balanceOf(to)).toBe(200)
  })

  it('refuses more than the balance before sending', async () => {
    const from = await h.openFunded(500)
    const to = await h.openFunded(0)
    h.requests.length = 0
    const error = await rejection(
      h.client.transfers.create({ fromWalletId: from, toWalletId: to, amount: 501 }),
    )
    expect(error).toMatchObject({ code: 'insufficient_funds', details: { shortfall: 1 } })
    expect(h.requests).toEqual([`GET /v1/wallets/${from}/limits`])
    expect(h.balanceOf(to)).toBe(0)
  })

  it('allows exactly the single cap for a transfer and refuses one fen more', async () => {
    const from = await h.openFunded(1_000_000)
    const to = await h.openFunded(0)
    const error = await rejection(
      h.client.transfers.create({ fromWalletId: from, toWalletId: to, amount: 200_001 }),
    )
    expect(error.shortMessage).toBe(
      "This transfer of ¥2,000.01 is over the wallet's single-payment cap of ¥2,000.00 (WL04). Headroom: ¥2,000.00.",
    )
    await h.client.transfers.create({ fromWalletId: from, toWalletId: to, amount: 200_000 })
    expect(h.balanceOf(to)).toBe(200_000)
  })

  it('leaves the receiver’s balance cap to the gateway', async () => {
    const from = await h.openFunded(200_000)
    const to = await h.openFunded(900_000)
    const error = await rejection(
      h.client.transfers.create({ fromWalletId: from, toWalletId: to, amount: 100_001 }),
    )
    expect(error).toMatchObject({ code: 'limit_exceeded', details: { cap: 'balance', headroom: 100_000 } })
    expect(h.balanceOf(from)).toBe(200_000)
  })
})

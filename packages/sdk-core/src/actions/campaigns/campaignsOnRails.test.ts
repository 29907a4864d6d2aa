import { computeUsccCheckChar } from '@ecny/sdk-core/internal'
import { createQrOrder, testStart, useWalletRails, type WalletHarness } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import type { EcnyError } from '../../errors/EcnyError.js'

const h = useWalletRails({ clock: { start: testStart } })
const validity = { from: '2025-03-01T00:00:00+08:00', to: '2025-04-01T00:00:00+08:00' }

/** A bank's corporate wallet, funded, and a campaign it runs (active at once). */
function launch(harness: WalletHarness, rule: Record<string, unknown>) {
  const first17 = '91310000MA1K00002'
  const organiser = harness.rails.engine.openWallet({
    type: 'WT09',
    entity: { legalName: '模拟银行', uscc: `${first17}${computeUsccCheckChar(first17)}` },
    settlementAccount: { accountNo: '6100000000008888', accountName: '模拟银行' },
  })
  harness.rails.engine.topUp(organiser.id, { amount: 10_000_000 })
  const created = harness.rails.campaigns.create({
    rule: { validity, ...rule },
    organiserWalletId: organiser.id,
  })
  return harness.rails.campaigns.schedule(created.id)
}

async function codeOf(promise: Promise<unknown>) {
  return promise.then(
    () => 'no error',
    (error: EcnyError) => error.code,
  )
}

describe('holder side against the rails campaign engine', () => {
  it('a transfer with campaignId earns the reward; the next one the same day is refused with the reason', async () => {
    const campaign = launch(h, {
      type: 'transfer_reward',
      points: 5,
      amount: 66,
      minTransferAmount: 100,
      perWallet: { perDay: 1 },
      budget: { count: 100 },
    })
    const from = await h.openFunded(10_000)
    const to = await h.openFunded(0)
    const offers = await h.client.campaigns.eligible({ walletId: from })
    expect(offers).toEqual([
      expect.objectContaining({ id: campaign.id, type: 'transfer_reward', earnedBy: 'transfer', points: 5 }),
    ])

    const first = await h.client.transfers.create({
      fromWalletId: from,
      toWalletId: to,
      amount: 1_000,
      campaignId: campaign.id,
    })
    expect(first.reward).toMatchObject({ granted: true, amount: 66, points: 5, claimId: expect.any(String) })
    expect(h.balanceOf(from)).toBe(10_000 - 1_000 + 66)

    const second = await h.client.transfers.create({
      fromWalletId: from,
      toWalletId: to,
      amount: 1_000,
      campaignId: campaign.id,
    })
    expect(second.reward).toMatchObject({ granted: false, reason: 'claim_cap_reached', cap: 'perDay' })
    expect(await h.client.campaigns.eligible({ walletId: from })).toEqual([])

    h.setClock('2025-03-11T00:00:00+08:00')
    const nextDay = await h.client.transfers.create({
      fromWalletId: from,
      toWalletId: to,
      amount: 1_000,
      campaignId: campaign.id,
    })
    expect(nextDay.reward).toMatchObject({ granted: true })
    expect(h.rails.ledger.verify().ok).toBe(true)
  })

  it('claims a voucher once per key, then pays an order with it applied first', async () => {
    const campaign = launch(h, {
      type: 'PT02',
      faceValue: 1_000,
      minSpend: 2_000,
      perWallet: { total: 1 },
      budget: { count: 5 },
    })
    const wallet = await h.openFunded(10_000)
    const claim = await h.client.campaigns.claim({
      campaignId: campaign.id,
      walletId: wallet,
      claimKey: 'btn-1',
    })
    expect(claim).toMatchObject({ status: 'granted', amount: 1_000, claimKey: 'btn-1' })
    expect(
      (await h.client.campaigns.claim({ campaignId: campaign.id, walletId: wallet, claimKey: 'btn-1' })).id,
    ).toBe(claim.id)
    expect(await codeOf(h.client.campaigns.claim({ campaignId: campaign.id, walletId: wallet }))).toBe(
      'claim_cap_reached',
    )

    const order = createQrOrder(h, 2_500)
    const paid = await h.client.payments.pay({ orderId: order.id, walletId: wallet })
    expect(paid).toMatchObject({
      status: 'succeeded',
      amount: 2_500,
      paidAmount: 1_500,
      benefit: { campaignId: campaign.id, claimId: claim.id, amount: 1_000 },
    })
    expect(h.balanceOf(wallet)).toBe(8_500)
    expect(await codeOf(h.client.campaigns.claim({ campaignId: 'cmp_missing', walletId: wallet }))).toBe(
      'not_found',
    )
  })
})

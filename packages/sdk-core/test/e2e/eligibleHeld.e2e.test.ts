/**
 * `campaigns.eligible` lists the benefits a wallet holds even when it may claim no more: a voucher
 * claimed up to the wallet's cap is still its to spend, so it appears with `held` and
 * `canTakePart: false`, and disappears once used on a payment.
 */
import { computeUsccCheckChar } from '@ecny/sdk-core/internal'
import { useWalletRails } from '@ecny/test-utils'
import { expect, it } from 'vitest'

const h = useWalletRails()

function voucherCampaign(perWalletTotal: number) {
  const first17 = '91310000MA1K00003'
  const organiser = h.rails.engine.openWallet({
    type: 'WT09',
    entity: { legalName: '模拟银行', uscc: `${first17}${computeUsccCheckChar(first17)}` },
    settlementAccount: { accountNo: '6100000000007777', accountName: '模拟银行' },
  })
  h.rails.engine.topUp(organiser.id, { amount: 1_000_000 })
  const now = h.rails.clock.now()
  const created = h.rails.campaigns.create({
    organiserWalletId: organiser.id,
    rule: {
      type: 'PT02',
      name: '代金券 ¥5',
      faceValue: 500,
      budget: { count: 100 },
      perWallet: { total: perWalletTotal },
      validity: {
        from: new Date(now - 60_000).toISOString(),
        to: new Date(now + 7 * 86_400_000).toISOString(),
      },
    },
  })
  return h.rails.campaigns.schedule(created.id)
}

it('keeps a held voucher listed after the wallet used its cap, until it is spent', async () => {
  const campaign = voucherCampaign(1)
  const walletId = await h.openFunded(100_000)

  const before = await h.client.campaigns.eligible({ walletId })
  expect(before).toMatchObject([{ id: campaign.id, held: 0, canTakePart: true }])

  await h.client.campaigns.claim({ campaignId: campaign.id, walletId, claimKey: 'tap-1' })
  const claimed = await h.client.campaigns.eligible({ walletId })
  expect(claimed).toMatchObject([{ id: campaign.id, held: 1, canTakePart: false, usage: { total: 1 } }])
  const again = h.client.campaigns.claim({ campaignId: campaign.id, walletId, claimKey: 'tap-2' })
  await expect(again).rejects.toMatchObject({ code: 'claim_cap_reached' })

  const order = h.rails.engine.createOrder({
    merchantId: h.merchantId,
    merchantOrderNo: 'HELD-1',
    amount: 6_000,
    description: '午餐',
    mode: 'qr',
  })
  const paid = await h.client.payments.pay({ orderId: order.id, walletId })
  expect(paid).toMatchObject({ paidAmount: 5_500, benefit: { campaignId: campaign.id, amount: 500 } })
  expect(await h.client.campaigns.eligible({ walletId })).toEqual([])
})

/**
 * The holder's side of benefits on refund (docs/campaigns.md, "Benefits on refund"; DOMAIN.md §7):
 * a red envelope of a `refundTo: 'holder'` campaign comes back to the wallet as a held envelope it
 * spends again through `@ecny/sdk-core`; a 满减 `rebate` shows in the wallet's history as a `reward`
 * after the whole order's `payment`. The ledger balances after every step.
 */
import { computeUsccCheckChar } from '@ecny/sdk-core/internal'
import { useWalletRails } from '@ecny/test-utils'
import { expect, it } from 'vitest'

const h = useWalletRails()

function launch(rule: Record<string, unknown>) {
  const first17 = '91310000MA1K00007'
  const organiser = h.rails.engine.openWallet({
    type: 'WT09',
    entity: { legalName: '模拟银行', uscc: `${first17}${computeUsccCheckChar(first17)}` },
    settlementAccount: { accountNo: '6100000000006666', accountName: '模拟银行' },
  })
  h.rails.engine.topUp(organiser.id, { amount: 1_000_000 })
  const now = h.rails.clock.now()
  const validity = {
    from: new Date(now - 60_000).toISOString(),
    to: new Date(now + 7 * 86_400_000).toISOString(),
  }
  const created = h.rails.campaigns.create({ organiserWalletId: organiser.id, rule: { validity, ...rule } })
  return h.rails.campaigns.schedule(created.id)
}

let orders = 0
function order(amount: number) {
  return h.rails.engine.createOrder({
    merchantId: h.merchantId,
    merchantOrderNo: `HB-${++orders}`,
    amount,
    description: '午餐',
    mode: 'qr',
  })
}

it('a refunded red envelope comes back to the holder, listed as held, and pays again', async () => {
  const campaign = launch({
    type: 'PT01',
    name: '红包 ¥20',
    amount: 2_000,
    refundTo: 'holder',
    budget: { count: 10 },
    perWallet: { total: 1 },
  })
  const walletId = await h.openFunded(100_000)
  await h.client.campaigns.claim({ campaignId: campaign.id, walletId, claimKey: 'env-1' })
  const first = order(6_000)
  expect(await h.client.payments.pay({ orderId: first.id, walletId, campaignId: campaign.id })).toMatchObject(
    {
      paidAmount: 4_000,
      benefit: { amount: 2_000 },
    },
  )
  expect(await h.client.campaigns.eligible({ walletId })).toEqual([])

  const refund = h.rails.engine.createRefund(first.id, { merchantRefundNo: 'HB-R1', amount: 6_000 })
  expect(refund).toMatchObject({ status: 'succeeded', benefitClawback: 2_000 })
  expect((await h.client.wallets.balance({ walletId })).available).toBe(100_000)
  expect(await h.client.campaigns.eligible({ walletId })).toMatchObject([
    { id: campaign.id, held: 1, canTakePart: false },
  ])
  expect(h.rails.ledger.verify()).toMatchObject({ ok: true, total: 0 })

  const second = order(3_000)
  expect(
    await h.client.payments.pay({ orderId: second.id, walletId, campaignId: campaign.id }),
  ).toMatchObject({
    paidAmount: 1_000,
    benefit: { amount: 2_000 },
  })
  expect(await h.client.campaigns.eligible({ walletId })).toEqual([])
  expect(h.rails.ledger.verify()).toMatchObject({ ok: true, total: 0 })
})

it('a rebate is a reward credit after the whole payment', async () => {
  launch({
    type: 'PT03',
    name: '满5减4',
    tiers: [{ threshold: 500, discount: 400 }],
    rebate: {},
    budget: { amount: 10_000 },
  })
  const walletId = await h.openFunded(10_000)
  const paid = await h.client.payments.pay({ orderId: order(1_000).id, walletId })
  expect(paid).toMatchObject({ paidAmount: 600, benefit: { amount: 400, rebate: true } })
  const lines: Array<[string, number]> = []
  for await (const tx of h.client.wallets.transactions({ walletId, pageSize: 10 }))
    lines.push([tx.kind, tx.amount])
  expect(lines.slice(0, 2)).toEqual([
    ['reward', 400],
    ['payment', 1_000],
  ])
  expect((await h.client.wallets.balance({ walletId })).available).toBe(9_400)
  expect(h.rails.ledger.verify()).toMatchObject({ ok: true, total: 0 })
})

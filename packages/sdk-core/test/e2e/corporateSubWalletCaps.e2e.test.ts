/**
 * A company changes its WT10 sub-wallets' caps (the WT09 parent sets them): the change applies from
 * the next payment, is kept in `capsHistory`, and every refusal over such a cap says the company set
 * it and names `updateCorporateSubWalletCaps` — never a wallet-level upgrade — in English and in
 * Chinese, from the gateway and from the SDK's own pre-check. Through `@ecny/sdk-core/corporate`.
 */
import { createRails } from '@ecny/mock-rails'
import {
  allocateToCorporateSubWallet,
  listCorporateSubWallets,
  openCorporateSubWallet,
  updateCorporateSubWalletCaps,
} from '@ecny/sdk-core/corporate'
import { computeUsccCheckChar } from '@ecny/sdk-core/internal'
import { createQrOrder, rejectionOf, testCard, useWalletRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'

const h = useWalletRails()
const first17 = '91310104MA1K00007'
const uscc = `${first17}${computeUsccCheckChar(first17)}`

/** A funded company wallet with one store under it, `funds` fen allocated to the store. */
async function storeWith(caps: { single?: number; daily?: number; balance?: number }, funds = 500_000) {
  const parent = await h.client.wallets.open({
    type: 'WT09',
    entity: { legalName: '上海示例连锁有限公司', uscc },
    settlementAccount: { accountNo: '6100000000007777', accountName: '上海示例连锁有限公司' },
  })
  await h.client.wallets.topUp({ walletId: parent.id, amount: 10_000_000, bankCard: testCard })
  const store = await openCorporateSubWallet(h.client, { walletId: parent.id, name: '徐汇店', caps })
  await allocateToCorporateSubWallet(h.client, { walletId: parent.id, subWalletId: store.id, amount: funds })
  return { parent: parent.id, store: store.id }
}

const pay = (walletId: string, amount: number, precheck = false) =>
  h.client.payments.pay({ orderId: createQrOrder(h, amount).id, walletId, precheck })

describe("changing a corporate sub-wallet's caps", () => {
  it('applies new caps from the next payment and keeps each set of caps in capsHistory', async () => {
    const { parent, store } = await storeWith({ single: 100_000, daily: 300_000 })
    await pay(store, 100_000)
    const lowered = await updateCorporateSubWalletCaps(h.client, {
      walletId: parent,
      subWalletId: store,
      caps: { single: 50_000 },
      memo: '淡季',
    })
    expect(lowered.caps).toEqual({ single: 50_000, daily: 300_000, balance: null })
    const refused = await rejectionOf(pay(store, 60_000))
    expect(refused).toMatchObject({
      code: 'limit_exceeded',
      details: { cap: 'single', limit: 50_000, capsSetBy: 'parent' },
    })
    await pay(store, 50_000)

    h.advance(60_000)
    const raised = await updateCorporateSubWalletCaps(h.client, {
      walletId: parent,
      subWalletId: store,
      caps: { single: null, daily: 1_000_000, balance: 2_000_000 },
    })
    expect(raised.caps).toEqual({ single: null, daily: 1_000_000, balance: 2_000_000 })
    await pay(store, 200_000) // over the old single cap, within the new daily one
    expect(h.balanceOf(store)).toBe(500_000 - 350_000)

    expect(raised.capsHistory?.map((entry) => [entry.caps, entry.memo])).toEqual([
      [{ single: 100_000, daily: 300_000, balance: null }, null],
      [{ single: 50_000, daily: 300_000, balance: null }, '淡季'],
      [{ single: null, daily: 1_000_000, balance: 2_000_000 }, null],
    ])
    const times = raised.capsHistory!.map((entry) => Date.parse(entry.effectiveFrom))
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(60_000)
    // The same caps again change nothing: a PATCH can be repeated.
    const again = await updateCorporateSubWalletCaps(h.client, {
      walletId: parent,
      subWalletId: store,
      caps: { daily: 1_000_000 },
    })
    expect(again.capsHistory).toHaveLength(3)
    const [listed] = await listCorporateSubWallets(h.client, { walletId: parent })
    expect(listed).toMatchObject({ caps: raised.caps, capsHistory: raised.capsHistory })
  })

  it('counts what was spent today against a lowered daily cap, and keeps a balance above a lowered balance cap', async () => {
    const { parent, store } = await storeWith({ daily: 400_000 })
    await pay(store, 250_000)
    await updateCorporateSubWalletCaps(h.client, {
      walletId: parent,
      subWalletId: store,
      caps: { daily: 200_000, balance: 100_000 },
    })
    const daily = await rejectionOf(pay(store, 1))
    expect(daily).toMatchObject({
      code: 'limit_exceeded',
      details: { cap: 'daily', limit: 200_000, used: 250_000 },
    })
    expect(h.balanceOf(store)).toBe(250_000) // above the new balance cap: it stays
    const topUp = await rejectionOf(
      allocateToCorporateSubWallet(h.client, { walletId: parent, subWalletId: store, amount: 1 }),
    )
    expect(topUp).toMatchObject({ code: 'limit_exceeded', details: { cap: 'balance', limit: 100_000 } })
  })

  it('checks the change before sending it, and refuses a sub-wallet of another company', async () => {
    const { parent, store } = await storeWith({})
    const before = h.requests.length
    const empty = await rejectionOf(
      updateCorporateSubWalletCaps(h.client, { walletId: parent, subWalletId: store, caps: {} }),
    )
    expect(empty).toMatchObject({ code: 'invalid_request' })
    expect(empty.message).toContain('at least one of single, daily, balance')
    const zero = await rejectionOf(
      updateCorporateSubWalletCaps(h.client, { walletId: parent, subWalletId: store, caps: { daily: 0 } }),
    )
    expect(zero).toMatchObject({ code: 'invalid_request' })
    const fraction = await rejectionOf(
      updateCorporateSubWalletCaps(h.client, { walletId: parent, subWalletId: store, caps: { single: 1.5 } }),
    )
    expect(fraction).toMatchObject({ code: 'invalid_request' })
    expect(h.requests.length).toBe(before)

    const stranger = await h.openFunded(1_000)
    const notOurs = await rejectionOf(
      updateCorporateSubWalletCaps(h.client, { walletId: parent, subWalletId: stranger, caps: { daily: 1 } }),
    )
    expect(notOurs).toMatchObject({ code: 'not_found' })
  })

  it('keeps the caps history over a restart', async () => {
    const { parent, store } = await storeWith({ single: 100_000 })
    await updateCorporateSubWalletCaps(h.client, {
      walletId: parent,
      subWalletId: store,
      caps: { single: 70_000 },
    })
    const restarted = createRails({ state: h.rails.snapshot() })
    const [unit] = restarted.engine.listCorporateSubWallets(parent).data
    expect(unit?.caps.single).toBe(70_000)
    expect(unit?.capsHistory.map((entry) => entry.caps.single)).toEqual([100_000, 70_000])
  })
})

describe("refusals over a corporate sub-wallet's caps name the company, not a wallet level", () => {
  /** No upgrade to suggest and no wallet level to name: the parent's level is not the sub-wallet's cap. */
  const noUpgrade = (text: string) => {
    expect(text).not.toMatch(/upgrade/i)
    expect(text).not.toMatch(/WL0\d/)
    expect(text).not.toMatch(/升级/)
  }

  it('from the gateway, for single, daily and balance caps, in English', async () => {
    const { parent, store } = await storeWith({ single: 100_000, daily: 150_000, balance: 600_000 })
    const single = await rejectionOf(pay(store, 100_001))
    await pay(store, 100_000)
    const daily = await rejectionOf(pay(store, 60_000))
    const balance = await rejectionOf(
      allocateToCorporateSubWallet(h.client, { walletId: parent, subWalletId: store, amount: 300_000 }),
    )
    for (const error of [single, daily, balance]) {
      expect(error.code).toBe('limit_exceeded')
      expect(error.details).toMatchObject({ capsSetBy: 'parent' })
      expect(error.shortMessage).toContain("set by its company's corporate wallet")
      expect(error.message).toContain('updateCorporateSubWalletCaps()')
      noUpgrade(error.message)
    }
    expect(single.hint).toContain('set by its company')
  })

  it('from the SDK pre-check, which reads who sets the caps from the gateway', async () => {
    const { store } = await storeWith({ single: 100_000 })
    const before = h.requests.filter((r) => r.startsWith('POST /v1/orders/')).length
    const refused = await rejectionOf(pay(store, 100_001, true))
    expect(refused).toMatchObject({
      code: 'limit_exceeded',
      details: { cap: 'single', limit: 100_000, capsSetBy: 'parent', limitsSource: 'gateway' },
    })
    expect(refused.shortMessage).toBe(
      "This payment of ¥1,000.01 would go over the sub-wallet's single-payment cap of ¥1,000.00, set by its company. Headroom: ¥1,000.00.",
    )
    expect(refused.hint).toContain('updateCorporateSubWalletCaps()')
    noUpgrade(refused.message)
    expect(h.requests.filter((r) => r.startsWith('POST /v1/orders/')).length).toBe(before)
  })

  it('in Chinese, from the gateway and from the pre-check', async () => {
    const { store } = await storeWith({ single: 100_000, daily: 150_000 })
    const zh = h.clientWith({ credentials: h.credentials, locale: 'zh-CN' })
    const zhPay = (amount: number, precheck: boolean) =>
      zh.payments.pay({ orderId: createQrOrder(h, amount).id, walletId: store, precheck })
    const fromGateway = await rejectionOf(zhPay(100_001, false))
    expect(fromGateway.hint).toBe(
      '企业子钱包的限额由所属企业设定，与钱包等级无关：请企业调整限额（updateCorporateSubWalletCaps()）。',
    )
    const fromPrecheck = await rejectionOf(zhPay(100_001, true))
    expect(fromPrecheck.shortMessage).toBe(
      '这笔支付 ¥1,000.01 将超出子钱包的单笔限额 ¥1,000.00（由所属企业设定）。剩余额度：¥1,000.00。',
    )
    expect(fromPrecheck.hint).toBe(
      '请减少金额或等待限额重置，或请企业调整该限额（updateCorporateSubWalletCaps()）。',
    )
    for (const error of [fromGateway, fromPrecheck]) expect(error.hint).not.toMatch(/升级/)
  })

  it('an upgrade of a sub-wallet is refused with the way its caps really change', async () => {
    const { store } = await storeWith({})
    const refused = await rejectionOf(
      h.client.wallets.upgrade({
        walletId: store,
        level: 'WL02',
        name: '张三',
        idNumber: '11010519491231002X',
      } as never),
    )
    expect(refused.code).toBe('invalid_request')
    expect(refused.message).toContain('updateCorporateSubWalletCaps()')
  })
})

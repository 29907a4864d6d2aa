/**
 * A company runs its e-CNY funds with its WT09 wallet as the parent (对公母钱包) and WT10 sub-wallets
 * for departments and stores: allocate to each, cap what each may spend and hold, collect back, and
 * read a statement per sub-wallet. Through `@ecny/sdk-core/corporate` against the rails.
 */
import { createRails } from '@ecny/mock-rails'
import {
  allocateToCorporateSubWallet,
  collectFromCorporateSubWallet,
  listCorporateSubWallets,
  openCorporateSubWallet,
} from '@ecny/sdk-core/corporate'
import { computeUsccCheckChar } from '@ecny/sdk-core/internal'
import { createQrOrder, rejectionOf, testCard, useWalletRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'

const h = useWalletRails()

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const item of items) all.push(item)
  return all
}

const first17 = '91310104MA1K00005'
const uscc = `${first17}${computeUsccCheckChar(first17)}`

async function company(funds: number) {
  const parent = await h.client.wallets.open({
    type: 'WT09',
    entity: { legalName: '上海示例连锁有限公司', uscc },
    settlementAccount: { accountNo: '6100000000005555', accountName: '上海示例连锁有限公司' },
  })
  await h.client.wallets.topUp({ walletId: parent.id, amount: funds, bankCard: testCard })
  return parent.id
}

describe('corporate parent wallet and its WT10 sub-wallets', () => {
  it('allocates to stores, lists them with balances, collects back, and keeps a statement per store', async () => {
    const parent = await company(10_000_000)
    const xuhui = await openCorporateSubWallet(h.client, { walletId: parent, name: '徐汇店' })
    const jingan = await openCorporateSubWallet(h.client, { walletId: parent, name: '静安店' })
    expect(xuhui).toMatchObject({ parentWalletId: parent, name: '徐汇店', available: 0 })
    expect((await h.client.wallets.get({ walletId: xuhui.id })).type).toBe('WT10')

    const moved = await allocateToCorporateSubWallet(h.client, {
      walletId: parent,
      subWalletId: xuhui.id,
      amount: 3_000_000,
      memo: '备用金',
    })
    expect(moved).toMatchObject({
      kind: 'allocation',
      parentAvailable: 7_000_000,
      subWalletAvailable: 3_000_000,
    })
    await allocateToCorporateSubWallet(h.client, {
      walletId: parent,
      subWalletId: jingan.id,
      amount: 1_000_000,
    })
    const units = await listCorporateSubWallets(h.client, { walletId: parent })
    expect(units.map((unit) => [unit.name, unit.available])).toEqual([
      ['徐汇店', 3_000_000],
      ['静安店', 1_000_000],
    ])

    const part = await collectFromCorporateSubWallet(h.client, {
      walletId: parent,
      subWalletId: xuhui.id,
      amount: 500_000,
    })
    expect(part).toMatchObject({ kind: 'collection', amount: 500_000, subWalletAvailable: 2_500_000 })
    const sweep = await collectFromCorporateSubWallet(h.client, { walletId: parent, subWalletId: jingan.id })
    expect(sweep).toMatchObject({ amount: 1_000_000, subWalletAvailable: 0 })
    expect(h.balanceOf(parent)).toBe(7_500_000)

    const statement = await collect(h.client.wallets.transactions({ walletId: xuhui.id }))
    expect(statement.map((line) => [line.kind, line.direction, line.amount])).toEqual(
      expect.arrayContaining([
        ['sub_wallet_funding', 'credit', 3_000_000],
        ['sub_wallet_return', 'debit', 500_000],
      ]),
    )
    const other = await collect(h.client.wallets.transactions({ walletId: jingan.id }))
    expect(other).toHaveLength(2)
  })

  it("enforces each sub-wallet's own single, daily and balance caps", async () => {
    const parent = await company(10_000_000)
    const dept = await openCorporateSubWallet(h.client, {
      walletId: parent,
      name: '采购部',
      caps: { single: 200_000, daily: 300_000, balance: 1_000_000 },
    })
    const over = await rejectionOf(
      allocateToCorporateSubWallet(h.client, { walletId: parent, subWalletId: dept.id, amount: 1_000_001 }),
    )
    expect(over).toMatchObject({ code: 'limit_exceeded', details: { cap: 'balance', limit: 1_000_000 } })
    await allocateToCorporateSubWallet(h.client, {
      walletId: parent,
      subWalletId: dept.id,
      amount: 1_000_000,
    })

    const single = await rejectionOf(
      h.client.payments.pay({ orderId: createQrOrder(h, 200_001).id, walletId: dept.id, precheck: false }),
    )
    expect(single).toMatchObject({ code: 'limit_exceeded', details: { cap: 'single' } })
    await h.client.payments.pay({ orderId: createQrOrder(h, 200_000).id, walletId: dept.id, precheck: false })
    await h.client.payments.pay({ orderId: createQrOrder(h, 100_000).id, walletId: dept.id, precheck: false })
    const daily = await rejectionOf(
      h.client.payments.pay({ orderId: createQrOrder(h, 1).id, walletId: dept.id, precheck: false }),
    )
    expect(daily).toMatchObject({ code: 'limit_exceeded', details: { cap: 'daily', limit: 300_000 } })
    const [listed] = await listCorporateSubWallets(h.client, { walletId: parent })
    expect(listed).toMatchObject({ usedToday: 300_000, available: 700_000 })
  })

  it('refuses an allocation beyond the parent’s funds and a sub-wallet of another company', async () => {
    const parent = await company(100_000)
    const store = await openCorporateSubWallet(h.client, { walletId: parent, name: '徐汇店' })
    const short = await rejectionOf(
      allocateToCorporateSubWallet(h.client, { walletId: parent, subWalletId: store.id, amount: 100_001 }),
    )
    expect(short).toMatchObject({ code: 'insufficient_funds' })
    const stranger = await h.openFunded(1_000)
    const notOurs = await rejectionOf(
      collectFromCorporateSubWallet(h.client, { walletId: parent, subWalletId: stranger }),
    )
    expect(notOurs).toMatchObject({ code: 'not_found' })
    const personal = await rejectionOf(openCorporateSubWallet(h.client, { walletId: stranger, name: '部门' }))
    expect(personal).toMatchObject({ code: 'invalid_request' })
    expect(personal.message).toMatch(/WT09/)
  })

  it('sub-wallets, their caps and balances survive a restart', async () => {
    const parent = await company(1_000_000)
    const store = await openCorporateSubWallet(h.client, {
      walletId: parent,
      name: '徐汇店',
      caps: { single: 5_000 },
    })
    await allocateToCorporateSubWallet(h.client, { walletId: parent, subWalletId: store.id, amount: 400_000 })
    const restarted = createRails({ state: h.rails.snapshot() })
    expect(restarted.engine.listCorporateSubWallets(parent).data).toMatchObject([
      {
        id: store.id,
        name: '徐汇店',
        caps: { single: 5_000, daily: null, balance: null },
        available: 400_000,
      },
    ])
  })
})

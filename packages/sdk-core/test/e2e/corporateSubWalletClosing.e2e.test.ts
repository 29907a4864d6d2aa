/**
 * A company closes a WT10 sub-wallet (a store shuts): its balance comes back to the WT09 parent in one
 * balanced ledger entry, the sub-wallet then refuses payments, allocations and cap changes with
 * `wallet_closed` (saying its company closed it), and it stays listed and readable with its
 * statement. Through `@ecny/sdk-core/corporate` against the rails.
 */
import { createRails } from '@ecny/mock-rails'
import {
  allocateToCorporateSubWallet,
  closeCorporateSubWallet,
  listCorporateSubWallets,
  openCorporateSubWallet,
  updateCorporateSubWalletCaps,
} from '@ecny/sdk-core/corporate'
import { computeUsccCheckChar } from '@ecny/sdk-core/internal'
import { createQrOrder, rejectionOf, testCard, useWalletRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'

const h = useWalletRails()
const first17 = '91310104MA1K00009'
const uscc = `${first17}${computeUsccCheckChar(first17)}`

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const item of items) all.push(item)
  return all
}

async function companyWithStore(allocated: number) {
  const parent = await h.client.wallets.open({
    type: 'WT09',
    entity: { legalName: '上海示例连锁有限公司', uscc },
    settlementAccount: { accountNo: '6100000000009999', accountName: '上海示例连锁有限公司' },
  })
  await h.client.wallets.topUp({ walletId: parent.id, amount: 1_000_000, bankCard: testCard })
  const store = await openCorporateSubWallet(h.client, { walletId: parent.id, name: '徐汇店' })
  if (allocated > 0)
    await allocateToCorporateSubWallet(h.client, {
      walletId: parent.id,
      subWalletId: store.id,
      amount: allocated,
    })
  return { parent: parent.id, store: store.id }
}

describe('closing a corporate sub-wallet', () => {
  it('sweeps its balance back to the parent in one balanced entry, then closes it', async () => {
    const { parent, store } = await companyWithStore(300_000)
    await h.client.payments.pay({ orderId: createQrOrder(h, 20_000).id, walletId: store, precheck: false })
    const entriesBefore = h.rails.ledger.verify().entryCount
    const closed = await closeCorporateSubWallet(h.client, {
      walletId: parent,
      subWalletId: store,
      memo: '门店关闭',
    })
    expect(closed.collection).toMatchObject({
      kind: 'collection',
      amount: 280_000,
      memo: '门店关闭',
      parentAvailable: 980_000,
      subWalletAvailable: 0,
    })
    expect(closed.subWallet).toMatchObject({ id: store, status: 'closed', available: 0 })
    expect(Date.parse(closed.subWallet.closedAt!)).toBe(h.rails.clock.now())
    const ledger = h.rails.ledger.verify()
    expect(ledger).toMatchObject({ ok: true, total: 0, entryCount: entriesBefore + 1 })
    expect(h.balanceOf(parent)).toBe(980_000)
    expect(h.balanceOf(store)).toBe(0)

    const parentLines = await collect(h.client.wallets.transactions({ walletId: parent }))
    const unitLines = await collect(h.client.wallets.transactions({ walletId: store }))
    const sweepIn = parentLines.find((line) => line.reference === closed.collection!.id)
    const sweepOut = unitLines.find((line) => line.reference === closed.collection!.id)
    expect(sweepIn).toMatchObject({ kind: 'sub_wallet_return', direction: 'credit', amount: 280_000 })
    expect(sweepOut).toMatchObject({
      kind: 'sub_wallet_return',
      direction: 'debit',
      amount: 280_000,
      balanceAfter: 0,
    })
  })

  it('refuses payments, allocations, cap changes and a second close afterwards, with a typed error', async () => {
    const { parent, store } = await companyWithStore(50_000)
    await closeCorporateSubWallet(h.client, { walletId: parent, subWalletId: store })
    const fromGateway = await rejectionOf(
      h.client.payments.pay({ orderId: createQrOrder(h, 100).id, walletId: store, precheck: false }),
    )
    const fromPrecheck = await rejectionOf(
      h.client.payments.pay({ orderId: createQrOrder(h, 100).id, walletId: store }),
    )
    const allocation = await rejectionOf(
      allocateToCorporateSubWallet(h.client, { walletId: parent, subWalletId: store, amount: 100 }),
    )
    const caps = await rejectionOf(
      updateCorporateSubWalletCaps(h.client, { walletId: parent, subWalletId: store, caps: { daily: 100 } }),
    )
    const again = await rejectionOf(
      closeCorporateSubWallet(h.client, { walletId: parent, subWalletId: store }),
    )
    for (const error of [fromGateway, fromPrecheck, allocation, caps, again]) {
      expect(error).toMatchObject({ code: 'wallet_closed', name: 'ConflictError', retryable: false })
      expect(error.message).toMatch(/closed by its company/)
      expect(error.message).toContain('openCorporateSubWallet')
      expect(error.message).not.toMatch(/Open a new wallet/)
    }
    expect(fromGateway.details).toMatchObject({ parentWalletId: expect.stringMatching(/\*{6}/) })
    expect(h.balanceOf(parent)).toBe(1_000_000)
  })

  it('keeps a closed sub-wallet readable: listed with its status, its wallet and statement', async () => {
    const { parent, store } = await companyWithStore(10_000)
    const other = await openCorporateSubWallet(h.client, { walletId: parent, name: '静安店' })
    const { collection } = await closeCorporateSubWallet(h.client, {
      walletId: parent,
      subWalletId: other.id,
    })
    expect(collection).toBeNull() // it was empty: nothing to collect
    await closeCorporateSubWallet(h.client, { walletId: parent, subWalletId: store })
    const units = await listCorporateSubWallets(h.client, { walletId: parent })
    expect(units.map((unit) => [unit.name, unit.status, unit.available])).toEqual([
      ['徐汇店', 'closed', 0],
      ['静安店', 'closed', 0],
    ])
    expect(await h.client.wallets.get({ walletId: store })).toMatchObject({ type: 'WT10', status: 'closed' })
    const statement = await collect(h.client.wallets.transactions({ walletId: store }))
    expect(statement.map((line) => [line.kind, line.direction, line.amount])).toEqual(
      expect.arrayContaining([
        ['sub_wallet_funding', 'credit', 10_000],
        ['sub_wallet_return', 'debit', 10_000],
      ]),
    )
    const restarted = createRails({ state: h.rails.snapshot() })
    expect(restarted.engine.listCorporateSubWallets(parent).data.map((unit) => unit.status)).toEqual([
      'closed',
      'closed',
    ])
  })

  it('is done through the parent: the generic close refuses a sub-wallet, and a parent with open ones', async () => {
    const { parent, store } = await companyWithStore(10_000)
    const direct = await rejectionOf(h.client.wallets.close({ walletId: store }))
    expect(direct.code).toBe('invalid_request')
    expect(direct.message).toContain('closeCorporateSubWallet()')
    const parentFirst = await rejectionOf(h.client.wallets.close({ walletId: parent }))
    expect(parentFirst).toMatchObject({ code: 'invalid_state', details: { openSubWallets: 1 } })
    expect(h.balanceOf(store)).toBe(10_000)
  })
})

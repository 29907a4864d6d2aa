import { bankCard, residentId, testCard, useWalletRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import { computeUsccCheckChar } from '../../src/ids/isValidUscc.js'
import {
  closeWallet,
  getBalance,
  getWallet,
  getWalletLimits,
  listWalletTransactions,
  openWallet,
} from '../../src/index.js'
import { maskWalletId } from '../../src/log/mask.js'

const h = useWalletRails()
const mobile = '13912345678'
const uscc = (first17: string) => first17 + computeUsccCheckChar(first17)

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: unknown) => error as { code: string; details: Record<string, unknown>; shortMessage: string },
  )
}

describe('opening wallets', () => {
  it('opens each personal level with the identity it needs, and a corporate wallet', async () => {
    const wl04 = await h.client.wallets.open({ type: 'WT01', level: 'WL04', mobile })
    const wl03 = await h.client.wallets.open({
      type: 'WT01',
      level: 'WL03',
      mobile,
      name: '王五',
      idNumber: residentId('19800101', '001'),
    })
    const wl02 = await h.client.wallets.open({
      type: 'WT01',
      level: 'WL02',
      mobile,
      name: '王五',
      idNumber: residentId('19800101', '001'),
      bankCard: { number: bankCard(1), holderName: '王五' },
    })
    const wl01 = await h.client.wallets.open({
      type: 'WT01',
      level: 'WL01',
      mobile,
      name: '王五',
      idNumber: residentId('19800101', '001'),
      bankCard: { number: bankCard(1), holderName: '王五' },
      counterVerification: { branchId: 'BJ-001' },
    })
    const corporate = await openWallet(h.client, {
      type: 'WT09',
      entity: { legalName: '北京示例科技有限公司', uscc: uscc('91440300MA5F00042') },
      settlementAccount: { accountNo: '755912345610001', accountName: '北京示例科技有限公司' },
    })
    expect([wl04, wl03, wl02, wl01].map((wallet) => wallet.level)).toEqual(['WL04', 'WL03', 'WL02', 'WL01'])
    expect(corporate).toMatchObject({ type: 'WT09', status: 'active' })
    // The gateway holds what the SDK was told, and masks it on the way out.
    expect(h.rails.engine.getWallet(wl03.id).level).toBe('WL03')
    expect(wl03.holder.idNumber).not.toBe(residentId('19800101', '001'))
    expect(wl03.id).toMatch(/^[0-9]{16}$/)
  })

  it('reads a wallet, its balance and its limits', async () => {
    const walletId = await h.openFunded(12_345)
    expect(await getWallet(h.client, { walletId })).toMatchObject({
      id: walletId,
      type: 'WT01',
      level: 'WL04',
    })
    expect(await getBalance(h.client, { walletId })).toMatchObject({
      walletId,
      available: 12_345,
      currency: 'CNY',
    })
    const limits = await getWalletLimits(h.client, { walletId })
    expect(limits).toMatchObject({
      walletId,
      level: 'WL04',
      caps: { balance: 1_000_000, single: 200_000, daily: 500_000, annual: 5_000_000 },
      used: { today: 0, thisYear: 0 },
      balance: 12_345,
    })
    expect(limits.dailyResetAt).toMatch(/T00:00:00(\.000)?\+08:00$/)
  })
})

describe('upgrading', () => {
  it('raises the level and with it the caps', async () => {
    const walletId = await h.openFunded(0)
    const upgraded = await h.client.wallets.upgrade({
      walletId,
      level: 'WL03',
      name: '赵六',
      idNumber: residentId('19800101', '002'),
    })
    expect(upgraded.level).toBe('WL03')
    expect((await h.client.wallets.limits({ walletId })).caps).toEqual({
      balance: 2_000_000,
      single: 500_000,
      daily: 1_000_000,
      annual: 30_000_000,
    })
  })

  it('reports identity_required from the gateway when the new level needs more', async () => {
    const walletId = await h.openFunded(0)
    const error = await rejection(
      h.client.wallets.upgrade({
        walletId,
        level: 'WL02',
        name: '赵六',
        idNumber: residentId('19800101', '003'),
      }),
    )
    expect(error.code).toBe('identity_required')
    expect(error.details.missing).toEqual(['bankCard'])
    expect(h.rails.engine.getWallet(walletId).level).toBe('WL04')
  })

  it('refuses a malformed ID number locally: the gateway sees no request', async () => {
    const walletId = await h.openFunded(0)
    h.requests.length = 0
    const error = await rejection(
      h.client.wallets.upgrade({ walletId, level: 'WL03', name: '赵六', idNumber: '11010119800101001' }),
    )
    expect(error.code).toBe('invalid_request')
    expect(error.shortMessage).toContain('idNumber')
    expect(h.requests).toEqual([])
  })
})

describe('top-ups and redemptions', () => {
  it('moves money in and out through the ledger', async () => {
    const walletId = await h.openFunded(50_000)
    const redeemed = await h.client.wallets.redeem({ walletId, amount: 20_000, bankCard: testCard })
    expect(redeemed).toMatchObject({
      kind: 'redemption',
      direction: 'debit',
      amount: 20_000,
      balanceAfter: 30_000,
    })
    expect(h.balanceOf(walletId)).toBe(30_000)
    expect(h.rails.ledger.verify()).toMatchObject({ ok: true })
  })

  it('refuses redeeming more than the balance', async () => {
    const walletId = await h.openFunded(1_000)
    const error = await rejection(h.client.wallets.redeem({ walletId, amount: 1_001, bankCard: testCard }))
    expect(error.code).toBe('insufficient_funds')
    expect(h.balanceOf(walletId)).toBe(1_000)
  })

  it('allows a top-up exactly to the balance cap; one fen over is refused before sending', async () => {
    const walletId = await h.openFunded(900_000)
    h.requests.length = 0
    const error = await rejection(h.client.wallets.topUp({ walletId, amount: 100_001, bankCard: testCard }))
    expect(error.code).toBe('limit_exceeded')
    expect(error.details).toMatchObject({
      cap: 'balance',
      limit: 1_000_000,
      used: 900_000,
      headroom: 100_000,
      walletId: maskWalletId(walletId),
    })
    expect(error.shortMessage).toBe(
      'This top-up of ¥1,000.01 would take the wallet over its balance cap of ¥10,000.00 (WL04): it holds ¥9,000.00. Headroom: ¥1,000.00.',
    )
    expect(h.requests).toEqual([`GET /v1/wallets/${walletId}/limits`])
    await h.client.wallets.topUp({ walletId, amount: 100_000, bankCard: testCard })
    expect(h.balanceOf(walletId)).toBe(1_000_000)
  })

  it('the gateway enforces the balance cap when the pre-check is skipped', async () => {
    const walletId = await h.openFunded(1_000_000)
    const error = await rejection(
      h.client.wallets.topUp({ walletId, amount: 1, bankCard: testCard, precheck: false }),
    )
    expect(error).toMatchObject({ code: 'limit_exceeded', details: { cap: 'balance', headroom: 0 } })
    expect(h.requests.at(-1)).toBe(`POST /v1/wallets/${walletId}/top-ups`)
    expect(h.balanceOf(walletId)).toBe(1_000_000)
  })
})

describe('closing', () => {
  it('refuses to close a wallet holding money, then closes it once empty; a closed wallet refuses everything', async () => {
    const walletId = await h.openFunded(5_000)
    expect((await rejection(closeWallet(h.client, { walletId }))).code).toBe('wallet_not_empty')
    await h.client.wallets.redeem({ walletId, amount: 5_000, bankCard: testCard })
    const closed = await h.client.wallets.close({ walletId })
    expect(closed.status).toBe('closed')
    expect(
      (await rejection(h.client.wallets.topUp({ walletId, amount: 100, bankCard: testCard }))).code,
    ).toBe('wallet_closed')
    expect((await rejection(h.client.payments.createPaymentCode({ walletId }))).code).toBe('wallet_closed')
    const other = await h.openFunded(0)
    expect(
      (
        await rejection(
          h.client.transfers.create({
            fromWalletId: walletId,
            toWalletId: other,
            amount: 1,
            precheck: false,
          }),
        )
      ).code,
    ).toBe('wallet_closed')
    expect((await h.client.wallets.get({ walletId })).status).toBe('closed')
  })
})

describe('transactions', () => {
  it('pages through the history newest first, fetching only what is read', async () => {
    const walletId = await h.openFunded(100)
    for (const amount of [200, 300, 400, 500])
      await h.client.wallets.topUp({ walletId, amount, bankCard: testCard })
    h.requests.length = 0
    const amounts: number[] = []
    for await (const tx of h.client.wallets.transactions({ walletId, pageSize: 2 })) amounts.push(tx.amount)
    expect(amounts).toEqual([500, 400, 300, 200, 100])
    expect(h.requests).toHaveLength(3)
    expect(h.requests[1]).toMatch(/limit=2&cursor=c/)

    h.requests.length = 0
    for await (const tx of listWalletTransactions(h.client, { walletId, pageSize: 2 })) {
      expect(tx.kind).toBe('top_up')
      break
    }
    expect(h.requests).toHaveLength(1)
  })

  it('checks its parameters when called, before any page is fetched', () => {
    expect(() => listWalletTransactions(h.client, { walletId: '0099', pageSize: 2 })).toThrow(
      expect.objectContaining({ code: 'invalid_request' }),
    )
    expect(() => listWalletTransactions(h.client, { walletId: '0099000000000001', pageSize: 500 })).toThrow(
      expect.objectContaining({ code: 'invalid_request' }),
    )
    expect(h.requests).toEqual([])
  })
})

describe('sub-wallets', () => {
  it('pushes a sub-wallet the merchant can charge, lists it, and revokes it', async () => {
    const walletId = await h.openFunded(10_000)
    const sub = await h.client.wallets.subWallets.push({
      walletId,
      merchantId: h.merchantId,
      caps: { single: 3_000, daily: 5_000 },
    })
    expect(sub).toMatchObject({ parentWalletId: walletId, merchantId: h.merchantId, status: 'active' })
    expect((await h.client.wallets.subWallets.list({ walletId })).map((s) => s.id)).toEqual([sub.id])

    const charge = (merchantOrderNo: string, amount: number) =>
      h.rails.engine.createOrder({
        merchantId: h.merchantId,
        merchantOrderNo,
        amount,
        description: 'Ride',
        mode: 'sub_wallet',
        subWalletId: sub.id,
      })
    expect(charge('R-1', 2_000).status).toBe('succeeded')
    expect(h.balanceOf(walletId)).toBe(8_000)

    const revoked = await h.client.wallets.subWallets.revoke({ subWalletId: sub.id })
    expect(revoked.status).toBe('revoked')
    const refused = charge('R-2', 1_000)
    expect(refused).toMatchObject({ status: 'failed', failureCode: 'sub_wallet_revoked' })
    expect(h.balanceOf(walletId)).toBe(8_000)
    expect((await h.client.wallets.subWallets.list({ walletId }))[0]!.status).toBe('revoked')
  })
})

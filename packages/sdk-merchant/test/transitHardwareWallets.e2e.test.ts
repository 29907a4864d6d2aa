import { createClient, type EcnyClient, issueHardwareWallet, setOfflineCap } from '@ecny/sdk-core'
import { railsUrl, useMerchantRails } from '@ecny/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'

const h = useMerchantRails()
let wallets: EcnyClient
beforeEach(() => {
  wallets = createClient({ baseUrl: railsUrl, credentials: h.credentials })
})

const line = {
  kind: 'transit' as const,
  name: '1号线',
  areaCode: '310000',
  lines: [{ id: 'L1', name: '1号线' }],
  stations: [{ id: 'S1', name: '莘庄', lineIds: ['L1'] }],
  gates: [{ id: 'GATES001', stationId: 'S1' }],
  offlineTaps: { enabled: true },
}
const tap = (walletId: string, counter: number, amount = 300) => ({
  walletId,
  counter,
  amount,
  tappedAt: '2025-03-01T08:30:00+08:00',
  gateId: 'GATES001',
})

describe('hardware wallets (WT03)', () => {
  it('are issued as cards, SIMs and wearables linked to a personal wallet, with the default offline cap from counter 0', async () => {
    const parent = h.fundedWallet(0)
    const card = await issueHardwareWallet(wallets, { walletId: parent, formFactor: 'card' })
    expect(card).toMatchObject({ type: 'WT03', formFactor: 'card', parentWalletId: parent, status: 'active' })
    expect(await wallets.wallets.get({ walletId: card.id })).toMatchObject({
      type: 'WT03',
      formFactor: 'card',
    })
    const sim = await issueHardwareWallet(wallets, { walletId: parent, formFactor: 'sim' })
    const watch = await issueHardwareWallet(wallets, {
      walletId: parent,
      formFactor: 'wearable',
      offlineCap: { single: 1_000, count: 2 },
    })
    expect([sim.formFactor, watch.formFactor]).toEqual(['sim', 'wearable'])
    await expect(
      issueHardwareWallet(wallets, { walletId: parent, formFactor: 'ring' as never }),
    ).rejects.toMatchObject({ code: 'invalid_request' })
    await expect(
      issueHardwareWallet(wallets, { walletId: card.id, formFactor: 'card' }),
    ).rejects.toMatchObject({ code: 'invalid_request' })

    const scene = await h.client.onboarding.createScene(line)
    await wallets.wallets.topUp({ walletId: card.id, amount: 10_000, bankCard: '6222020000000007' })
    await wallets.wallets.topUp({ walletId: watch.id, amount: 10_000, bankCard: '6222020000000007' })
    // The card's default cap: ≤ ¥500 a payment, 10 payments after counter 0; the 11th fails.
    const day = await h.client.transit.uploadTaps({
      sceneId: scene.id,
      taps: [
        ...Array.from({ length: 11 }, (_, i) => tap(card.id, i + 1, 100)),
        tap(watch.id, 1, 1_000),
        tap(watch.id, 2, 1_001),
        tap(watch.id, 3, 100),
      ],
    })
    expect(day.results.map((r) => r.status)).toEqual([
      ...Array<string>(10).fill('debited'),
      'failed',
      'debited',
      'failed',
      'failed',
    ])
    expect(day.results.filter((r) => r.status === 'failed').map((r) => r.failureCode)).toEqual([
      'limit_exceeded',
      'limit_exceeded',
      'limit_exceeded',
    ])
    expect(h.balanceOf(card.id)).toBe(10_000 - 1_000)
    expect(h.balanceOf(watch.id)).toBe(10_000 - 1_000)

    // The card goes online at counter 11: ten more offline payments from there.
    await setOfflineCap(wallets, { walletId: card.id, counter: 11 })
    const later = await h.client.transit.uploadTaps({ sceneId: scene.id, taps: [tap(card.id, 12, 100)] })
    expect(later.results[0]).toMatchObject({ status: 'debited' })
  })
})

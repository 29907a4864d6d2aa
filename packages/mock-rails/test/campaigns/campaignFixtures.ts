/** Shared set-up for campaign tests: rails, an organiser, a merchant, tagged wallets, rule builders. */
import { computeResidentIdCheckChar, computeUsccCheckChar } from '@ecny/sdk-core/internal'
import { testCard, testStart } from '@ecny/test-utils'
import { expect } from 'vitest'
import { createRails, type Rails } from '../../src/createRails.js'

/** 2025-03-10 00:00 Shanghai → 2025-05-01 00:00 Shanghai; the rails start at 2025-03-10 10:00. */
export const validity = { from: '2025-03-10T00:00:00+08:00', to: '2025-05-01T00:00:00+08:00' }

export type CampaignRig = ReturnType<typeof campaignRig>

export function campaignRig(options: { organiserFunds?: number } = {}) {
  const rails: Rails = createRails({ seed: 3, clock: { start: testStart } })
  const merchant = rails.seedMerchant()
  const first17 = '91310000MA1K00001'
  const organiser = rails.engine.openWallet({
    type: 'WT09',
    entity: { legalName: '模拟银行股份有限公司', uscc: `${first17}${computeUsccCheckChar(first17)}` },
    settlementAccount: { accountNo: '6100000000009999', accountName: '模拟银行股份有限公司' },
  })
  rails.engine.topUp(organiser.id, { amount: options.organiserFunds ?? 100_000_000 })
  let mobiles = 0
  let ids = 0
  const rig = {
    rails,
    engine: rails.engine,
    campaigns: rails.campaigns,
    merchant,
    organiser,
    /** A WL04 wallet with these tags and funds. */
    wallet(funds = 100_000, tags: string[] = []) {
      const wallet = rails.engine.openWallet({
        level: 'WL04',
        mobile: `1370000${String(++mobiles).padStart(4, '0')}`,
        tags,
      })
      if (funds > 0) rails.engine.topUp(wallet.id, { amount: funds, bankCard: testCard })
      return wallet.id
    },
    /** A real-name wallet (WL03, or WL02 with a linked card) of the person with this 3-digit ID serial. */
    realNameWallet(serial: string, level: 'WL03' | 'WL02' = 'WL03', funds = 100_000) {
      const first17 = `11010519900101${serial}`
      const wallet = rails.engine.openWallet({
        level,
        mobile: `1360000${String(++mobiles).padStart(4, '0')}`,
        name: '李四',
        idNumber: `${first17}${computeResidentIdCheckChar(first17)}`,
        ...(level === 'WL02' && { bankCard: { number: testCard, holderName: '李四' } }),
      })
      if (funds > 0) rails.engine.topUp(wallet.id, { amount: funds, bankCard: testCard })
      return wallet.id
    },
    /** Creates and schedules a campaign (active at once inside `validity`). */
    launch(rule: Record<string, unknown>) {
      const created = rails.campaigns.create({ rule: { validity, ...rule }, organiserWalletId: organiser.id })
      return rails.campaigns.schedule(created.id)
    },
    /** A QR order of the seeded merchant, paid by the wallet; returns the paid order. */
    pay(walletId: string, amount: number, extra: { campaignId?: string; sceneId?: string } = {}) {
      const order = rails.engine.createOrder({
        merchantId: merchant.id,
        merchantOrderNo: `O-${++ids}`,
        amount,
        description: 'Goods',
        mode: 'qr',
        ...(extra.sceneId && { sceneId: extra.sceneId }),
      })
      return rails.engine.payOrder(order.id, {
        walletId,
        ...(extra.campaignId && { campaignId: extra.campaignId }),
      })
    },
    balance: (walletId: string) => rails.engine.getBalance(walletId).available,
    budget: (campaignId: string) => rails.ledger.balanceOf(`campaign:${campaignId}`),
    /** Stats agree with the ledger, and the ledger balances. */
    expectConsistent(campaignId: string) {
      const stats = rails.campaigns.stats(campaignId)
      const { amount } = stats
      expect(amount.funded - amount.paidOut + amount.clawedBack - amount.released).toBe(
        rig.budget(campaignId),
      )
      expect(stats.ledger.balance).toBe(rig.budget(campaignId))
      expect(stats.budget.available).toBe(stats.budget.remaining - stats.budget.reserved)
      expect(stats.budget.available).toBeGreaterThanOrEqual(0)
      expect(rails.ledger.verify()).toMatchObject({ ok: true, total: 0 })
      return stats
    },
  }
  return rig
}

/** The RailsError (or any error) a call throws, for `toMatchObject`. */
export function refusal(run: () => unknown): {
  code?: string
  message: string
  details?: Record<string, unknown>
} {
  try {
    run()
  } catch (error) {
    return error as never
  }
  throw new Error('expected a refusal, the call succeeded')
}

/**
 * Delayed rebates on the rails: a pending rebate is rails state (a snapshot carries it and it pays
 * after a restore), a wallet closed before the payout gets none, and the sandbox's HTTP door pays a
 * due rebate on the next request even when nothing moved the clock through `advance`.
 */
import { describe, expect, it, vi } from 'vitest'
import { createRails } from '../../src/createRails.js'
import { campaignRig } from './campaignFixtures.js'

const day = 86_400_000
const rebateRule = {
  type: 'PT03',
  tiers: [{ threshold: 500, discount: 400 }],
  rebate: { delayDays: 2 },
  budget: { amount: 100_000 },
}

describe('delayed rebates (rebate.delayDays)', () => {
  it('survive a snapshot and are paid after the restore', () => {
    const rig = campaignRig()
    const campaign = rig.launch(rebateRule)
    const wallet = rig.wallet(10_000)
    rig.pay(wallet, 1_000)
    const saved = rig.rails.snapshot()

    const restored = createRails({ state: saved })
    expect(restored.campaigns.stats(campaign.id).amount).toMatchObject({ rebatePending: 400 })
    restored.clock.advance(2 * day)
    expect(restored.engine.getBalance(wallet).available).toBe(9_400)
    expect(restored.campaigns.stats(campaign.id).amount).toMatchObject({ rebatePending: 0, rebated: 400 })
    expect(restored.ledger.verify()).toMatchObject({ ok: true, total: 0 })
  })

  it('are cancelled when the wallet closed before the payout', () => {
    const rig = campaignRig()
    const campaign = rig.launch(rebateRule)
    const wallet = rig.wallet(1_000)
    const order = rig.pay(wallet, 1_000)
    rig.engine.closeWallet(wallet)
    rig.rails.clock.advance(2 * day)
    expect(rig.engine.getOrder(order.id).benefit).toMatchObject({ amount: 0, rebateStatus: 'cancelled' })
    expect(rig.expectConsistent(campaign.id)).toMatchObject({
      amount: { rebateCancelled: 400, rebated: 0 },
      budget: { reserved: 0 },
    })
  })

  it('are cancelled when the payment is reversed (撤销) before the payout', () => {
    const rig = campaignRig()
    const campaign = rig.launch(rebateRule)
    const wallet = rig.wallet(10_000)
    const order = rig.engine.createOrder({
      merchantId: rig.merchant.id,
      merchantOrderNo: 'RV-1',
      amount: 1_000,
      description: 'Goods',
      mode: 'payment_code',
      paymentCode: rig.engine.createPaymentCode(wallet).code,
    })
    expect(order.benefit).toMatchObject({ rebateStatus: 'pending', rebateAmount: 400 })
    rig.engine.cancelOrder(order.id)
    expect(rig.balance(wallet)).toBe(10_000)
    expect(rig.campaigns.stats(campaign.id).claims).toMatchObject({ rebatesPending: 0, rebatesCancelled: 1 })
    rig.rails.clock.advance(2 * day)
    expect(rig.balance(wallet)).toBe(10_000)
    expect(rig.engine.getOrder(order.id).benefit).toMatchObject({ rebateStatus: 'cancelled' })
    expect(rig.expectConsistent(campaign.id).amount).toMatchObject({ rebateCancelled: 400, rebated: 0 })
  })

  it('are paid by the next request once due on the system clock, with nothing moving the clock', async () => {
    const rig = campaignRig()
    const campaign = rig.launch(rebateRule)
    const wallet = rig.wallet(10_000)
    rig.pay(wallet, 1_000)
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      const sandbox = createRails({ state: rig.rails.snapshot(), clock: { mode: 'system' } })
      // Real time passes under a sandbox: no advance(), no listener runs.
      vi.setSystemTime(Date.now() + 2 * day)
      expect(sandbox.engine.getBalance(wallet).available).toBe(9_000)
      const response = await sandbox.handle(new Request('https://rails.test/.well-known/jwks.json'))
      expect(response.status).toBe(200)
      expect(sandbox.engine.getBalance(wallet).available).toBe(9_400)
      expect(sandbox.campaigns.stats(campaign.id).amount).toMatchObject({ rebated: 400, rebatePending: 0 })
    } finally {
      vi.useRealTimers()
    }
  })
})

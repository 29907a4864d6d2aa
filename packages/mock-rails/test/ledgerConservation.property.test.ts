import { testCard, testRails } from '@ecny/test-utils'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { walletAccount } from '../src/ledger/ledger.js'
import { RailsError } from '../src/support/railsError.js'

/** One random step; indexes pick among the wallets/orders that exist at that point. */
const step = fc.oneof(
  fc.record({ op: fc.constant('topUp' as const), w: fc.nat(), amount: fc.integer({ min: 1, max: 600_000 }) }),
  fc.record({
    op: fc.constant('redeem' as const),
    w: fc.nat(),
    amount: fc.integer({ min: 1, max: 600_000 }),
  }),
  fc.record({ op: fc.constant('pay' as const), w: fc.nat(), amount: fc.integer({ min: 1, max: 250_000 }) }),
  fc.record({ op: fc.constant('scan' as const), w: fc.nat(), amount: fc.integer({ min: 1, max: 250_000 }) }),
  fc.record({
    op: fc.constant('refund' as const),
    o: fc.nat(),
    amount: fc.integer({ min: 1, max: 250_000 }),
  }),
  fc.record({
    op: fc.constant('transfer' as const),
    w: fc.nat(),
    to: fc.nat(),
    amount: fc.integer({ min: 1, max: 250_000 }),
  }),
  fc.record({
    op: fc.constant('subCharge' as const),
    w: fc.nat(),
    amount: fc.integer({ min: 1, max: 30_000 }),
  }),
  fc.record({ op: fc.constant('cancel' as const), o: fc.nat() }),
  fc.record({ op: fc.constant('close' as const), w: fc.nat() }),
  fc.record({ op: fc.constant('advanceDay' as const) }),
)

describe('ledger conservation (property)', () => {
  it('any sequence of operations keeps the ledger balanced and no wallet negative', () => {
    let sequences = 0
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        sequences++
        const { rails, merchant, engine } = testRails()
        const wallets = ['13800138000', '13900139000', '13700137000'].map(
          (mobile) => engine.openWallet({ level: 'WL04', mobile }).id,
        )
        const subs = wallets.map(
          (id) =>
            engine.createSubWallet(id, { merchantId: merchant.id, caps: { single: 20_000, daily: 50_000 } })
              .id,
        )
        const orders: string[] = []
        let n = 0
        for (const s of steps) {
          const w = 'w' in s ? wallets[s.w % wallets.length]! : ''
          try {
            switch (s.op) {
              case 'topUp':
                engine.topUp(w, { amount: s.amount, bankCard: testCard })
                break
              case 'redeem':
                engine.redeem(w, { amount: s.amount, bankCard: testCard })
                break
              case 'pay': {
                const o = engine.createOrder({
                  merchantId: merchant.id,
                  merchantOrderNo: `P${n++}`,
                  amount: s.amount,
                  description: 'x',
                  mode: 'qr',
                })
                orders.push(o.id)
                engine.payOrder(o.id, { walletId: w })
                break
              }
              case 'scan': {
                const o = engine.createOrder({
                  merchantId: merchant.id,
                  merchantOrderNo: `C${n++}`,
                  amount: s.amount,
                  description: 'x',
                  mode: 'payment_code',
                  paymentCode: engine.createPaymentCode(w).code,
                })
                orders.push(o.id)
                break
              }
              case 'subCharge': {
                const sub = subs[s.w % subs.length]!
                const o = engine.createOrder({
                  merchantId: merchant.id,
                  merchantOrderNo: `S${n++}`,
                  amount: s.amount,
                  description: 'x',
                  mode: 'sub_wallet',
                  subWalletId: sub,
                })
                orders.push(o.id)
                break
              }
              case 'refund':
                if (orders.length)
                  engine.createRefund(orders[s.o % orders.length]!, {
                    merchantRefundNo: `R${n++}`,
                    amount: s.amount,
                  })
                break
              case 'cancel':
                if (orders.length) engine.cancelOrder(orders[s.o % orders.length]!)
                break
              case 'transfer':
                engine.createTransfer({
                  fromWalletId: w,
                  toWalletId: wallets[s.to % wallets.length]!,
                  amount: s.amount,
                })
                break
              case 'close':
                engine.closeWallet(w)
                break
              case 'advanceDay':
                rails.clock.advance(86_400_000)
                break
            }
          } catch (error) {
            if (!(error instanceof RailsError)) throw error
          }
          const verdict = rails.ledger.verify()
          expect(verdict).toMatchObject({ ok: true, total: 0, negativeAccounts: [] })
          for (const id of [...wallets, ...subs])
            expect(rails.ledger.balanceOf(walletAccount(id))).toBeGreaterThanOrEqual(0)
          for (const id of subs) expect(rails.ledger.balanceOf(walletAccount(id))).toBe(0)
        }
        // Money in the rails equals what came in by top-up minus what left by redemption.
        const held = [...wallets, merchant.settlementWalletId!].reduce(
          (sum, id) => sum + rails.ledger.balanceOf(walletAccount(id)),
          0,
        )
        expect(held + rails.ledger.balanceOf('bank_float')).toBe(0)
      }),
      { numRuns: 1000, seed: 20250310 },
    )
    expect(sequences).toBeGreaterThanOrEqual(1000)
  })
})

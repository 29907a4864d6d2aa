/**
 * The bulk deferred debit of offline taps (src/transit/deferredDebit.ts): the same rules as a payment
 * per tap, with a compact record per tap: a ledger entry and a wallet history line, no order.
 */
import { errorOf, testCard, testRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import { createRails } from '../src/createRails.js'

function day() {
  const { rails, engine, merchant } = testRails()
  const scene = rails.merchantDomain.createScene(merchant.id, {
    kind: 'transit',
    name: 'Line 1',
    areaCode: '330100',
    settings: {
      lines: [{ id: 'L1', name: 'Line 1' }],
      stations: [{ id: 'S1', name: 'West Lake', lineIds: ['L1'] }],
      gates: [{ id: 'G1', stationId: 'S1' }],
      offlineTaps: { enabled: true },
    },
  })
  const rider = engine.openWallet({ level: 'WL04', mobile: '13900139001' })
  engine.topUp(rider.id, { amount: 500, bankCard: testCard })
  const tap = (counter: number, amount: number) => ({
    walletId: rider.id,
    counter,
    amount,
    tappedAt: '2025-03-10T08:00:00+08:00',
    gateId: 'G1',
  })
  return { rails, engine, merchant, scene, rider, tap }
}

describe('deferred debit in bulk', () => {
  it('debits each new tap once, shows it in the wallet history, and keeps the ledger balanced', () => {
    const { rails, engine, merchant, scene, rider, tap } = day()
    const batch = rails.merchantDomain.uploadTapBatch({
      sceneId: scene.id,
      taps: [tap(1, 200), tap(2, 200), tap(1, 200), tap(3, 200)],
    })
    expect(batch.results.map((r) => r.status)).toEqual(['debited', 'debited', 'duplicate', 'failed'])
    expect(batch.results[2]!.orderId).toBe(batch.results[0]!.orderId)
    expect(batch.results[3]).toMatchObject({ orderId: null, failureCode: 'insufficient_funds' })
    expect(batch.totals).toEqual({ debited: 400, debitedCount: 2, duplicates: 1, failed: 1 })
    expect(engine.getBalance(rider.id).available).toBe(100)
    // Newest first.
    const history = engine.listTransactions(rider.id).data
    const fares = history.filter((line) => line.reference === batch.id)
    expect(fares.map((line) => [line.id, line.amount, line.kind])).toEqual([
      [batch.results[1]!.orderId, 200, 'payment'],
      [batch.results[0]!.orderId, 200, 'payment'],
    ])
    const settlement = merchant.settlementWalletId!
    const credits = engine.listTransactions(settlement).data.filter((line) => line.reference === batch.id)
    expect(credits.map((line) => line.amount)).toEqual([400])
    expect(rails.ledger.verify().ok).toBe(true)
    const closed = rails.merchantDomain.transit.closeTransitDay({ sceneId: scene.id, day: '2025-03-10' })
    expect(closed.taps).toEqual({ debited: 2, debitedAmount: 400, failed: 1 })
  })

  it('remembers its taps across a snapshot: a re-upload is a duplicate with the first debit id', () => {
    const { rails, scene, tap } = day()
    const first = rails.merchantDomain.uploadTapBatch({ sceneId: scene.id, taps: [tap(1, 200)] })
    const copy = createRails({ state: JSON.parse(JSON.stringify(rails.snapshot())) })
    const again = copy.merchantDomain.uploadTapBatch({ sceneId: scene.id, taps: [tap(1, 200)] })
    expect(again.results[0]).toMatchObject({ status: 'duplicate', orderId: first.results[0]!.orderId })
  })

  it('takes taps out of counter order once each, and keeps them in the history across a snapshot', () => {
    const { rails, engine, scene, rider, tap } = day()
    const late = rails.merchantDomain.uploadTapBatch({ sceneId: scene.id, taps: [tap(3, 100), tap(1, 100)] })
    const copy = createRails({ state: JSON.parse(JSON.stringify(rails.snapshot())) })
    const next = copy.merchantDomain.uploadTapBatch({
      sceneId: scene.id,
      taps: [tap(2, 100), tap(3, 100), tap(1, 100)],
    })
    expect(next.results.map((r) => [r.status, r.orderId])).toEqual([
      ['debited', expect.stringMatching(/^txn_/)],
      ['duplicate', late.results[0]!.orderId],
      ['duplicate', late.results[1]!.orderId],
    ])
    const lines = copy.engine.listTransactions(rider.id).data
    expect(lines.map((line) => [line.kind, line.amount, line.balanceAfter, line.reference])).toEqual([
      ['payment', 100, 200, next.id],
      ['payment', 100, 300, late.id],
      ['payment', 100, 400, late.id],
      ['top_up', 500, 500, expect.any(String)],
    ])
    expect(engine.getBalance(rider.id).available).toBe(300)
    expect(copy.ledger.verify().ok).toBe(true)
  })

  it('answers a bad tap with the schema issue naming it, and charges nothing', () => {
    const { rails, engine, scene, rider, tap } = day()
    const error = errorOf(() =>
      rails.merchantDomain.uploadTapBatch({ sceneId: scene.id, taps: [tap(1, 200), tap(2, 0)] }),
    )
    expect(error.code).toBe('invalid_request')
    expect(error.details).toMatchObject({ issues: [{ path: 'taps[1].amount' }] })
    expect(
      errorOf(() =>
        rails.merchantDomain.uploadTapBatch({
          sceneId: scene.id,
          taps: [{ ...tap(1, 200), tappedAt: '2025-02-30T08:00:00+08:00' }],
        }),
      ).code,
    ).toBe('invalid_request')
    expect(engine.getBalance(rider.id).available).toBe(500)
  })
})

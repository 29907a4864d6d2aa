import { limits, tapBatchRequest } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EngineContext } from '../engine/engineContext.js'
import { requireApprovedMerchant } from '../engine/merchantGuards.js'
import { recordUsage } from '../engine/usage.js'
import { assertDebitWithinCaps, assertFunds, requireActiveWallet } from '../engine/walletGuards.js'
import { walletAccount } from '../ledger/ledger.js'
import type { MerchantContext } from '../merchants/merchantContext.js'
import type { TapRecord } from '../merchants/merchantState.js'
import type { TransactionRecord } from '../state/records.js'
import { parseParams } from '../support/parseParams.js'
import { RailsError } from '../support/railsError.js'
import { tapDay, withinOfflineCap } from './offlineCap.js'
import { operatingDayOf } from './rideCodeRules.js'
import type { TransitScene } from './transitScene.js'
import type { TapDayTotals, TransitState } from './transitState.js'

/** One tap as the gate kept it (the batch request's item). */
export type Tap = { walletId: string; counter: number; amount: number; tappedAt: string; gateId: string }

export type TapResult = {
  walletId: string
  counter: number
  status: 'debited' | 'duplicate' | 'failed'
  /** The tap debit's id: the id of its line in the wallet's history (`txn_…`, referencing the batch); null if nothing was debited. */
  orderId: string | null
  failureCode: string | null
}

const walletIdPattern = /^\d{16}$/
const gateIdPattern = /^[A-Za-z0-9_-]{1,32}$/
const tappedAtPattern = z.regexes.datetime({ offset: true })

/** A tap the zod schema is sure to accept, checked without building issues (the common case). */
function plainTap(tap: unknown): tap is Tap {
  if (typeof tap !== 'object' || tap === null || Array.isArray(tap)) return false
  const t = tap as Record<string, unknown>
  return (
    typeof t.walletId === 'string' &&
    walletIdPattern.test(t.walletId) &&
    typeof t.counter === 'number' &&
    Number.isSafeInteger(t.counter) &&
    t.counter >= 0 &&
    typeof t.amount === 'number' &&
    Number.isSafeInteger(t.amount) &&
    t.amount >= 1 &&
    t.amount <= limits.maxAmountFen &&
    typeof t.tappedAt === 'string' &&
    tappedAtPattern.test(t.tappedAt) &&
    typeof t.gateId === 'string' &&
    gateIdPattern.test(t.gateId)
  )
}

/**
 * The tap batch request, read once: a batch whose every tap is plainly valid is taken as it is (no
 * schema walk, no copies); anything else goes through the schema, so a bad batch gets exactly the
 * `invalid_request` (with its `taps[i].field` issues) the schema gives.
 */
export function parseTapBatch(input: unknown): { sceneId: string; taps: readonly Tap[] } {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const { sceneId, taps } = input as Record<string, unknown>
    if (
      typeof sceneId === 'string' &&
      sceneId.length >= 1 &&
      sceneId.length <= limits.idLength &&
      Array.isArray(taps) &&
      taps.length >= 1 &&
      taps.length <= limits.maxTapsPerBatch &&
      taps.every(plainTap)
    ) {
      return { sceneId, taps: taps as Tap[] }
    }
  }
  return parseParams(tapBatchRequest, input)
}

/** Shared records for taps that debited nothing, one per failure code (they hold no id). */
const failedRecords = new Map<string, TapRecord>()
function failedRecord(code: string): TapRecord {
  let record = failedRecords.get(code)
  if (!record) {
    record = Object.freeze({ orderId: null, status: 'failed', failureCode: code }) as TapRecord
    failedRecords.set(code, record)
  }
  return record
}

/**
 * Debits a batch of offline taps in bulk, each new tap once: the tap's amount within the scene's
 * offline maximum and the holder's offline cap (amount and count), then the wallet's own rules as
 * for any payment (open, single/daily/annual caps, funds). A debit is one balanced journal entry
 * (wallet → the merchant's settlement wallet) and one line in the wallet's history (`payment`, its id
 * the tap's id, its reference the batch's id); the settlement wallet gets one history line per batch with the
 * batch's total. No order and no notification per tap: the batch (its results and totals) is what
 * the operator gets, and the day's totals feed `closeTransitDay`.
 */
export function debitTaps(
  mc: MerchantContext,
  transit: TransitScene,
  state: TransitState,
  taps: readonly Tap[],
  batchId: string,
  maxAmount: number,
  operatingDayStartsAt: string,
) {
  const ctx = mc.ctx
  const now = mc.now()
  const merchant = requireApprovedMerchant(ctx as EngineContext, transit.scene.merchantId)
  const payeeId = merchant.settlementWalletId
  requireActiveWallet(ctx, payeeId)
  const payeeAccount = walletAccount(payeeId)
  const seenTaps = mc.store.transitTaps
  const histories = ctx.state.transactions
  const counters = ctx.state.counters
  const results: TapResult[] = new Array(taps.length)
  const totals = { debited: 0, debitedCount: 0, duplicates: 0, failed: 0 }
  // Consecutive taps mostly fall on the same operating day: the day is looked up once per date.
  let lastDate = ''
  let lastDay: TapDayTotals | null = null
  for (let i = 0; i < taps.length; i++) {
    const tap = taps[i]!
    const key = `${tap.walletId}\u241f${tap.counter}`
    const seen = seenTaps.get(key)
    if (seen) {
      totals.duplicates++
      results[i] = {
        walletId: tap.walletId,
        counter: tap.counter,
        status: 'duplicate',
        orderId: typeof seen === 'string' ? seen : seen.orderId,
        failureCode: null,
      }
      continue
    }
    let record: TapRecord | string
    if (tap.amount > maxAmount || !withinOfflineCap(state, tap)) record = failedRecord('limit_exceeded')
    else {
      try {
        const wallet = requireActiveWallet(ctx, tap.walletId)
        assertDebitWithinCaps(ctx, wallet, tap.amount)
        assertFunds(ctx, tap.walletId, tap.amount)
        const account = walletAccount(tap.walletId)
        ctx.ledger.post({
          kind: 'transit_tap',
          reference: batchId,
          lines: [
            { account, amount: -tap.amount },
            { account: payeeAccount, amount: tap.amount },
          ],
        })
        let history = histories.get(tap.walletId)
        if (!history) {
          history = []
          histories.set(tap.walletId, history)
        }
        // The tap's id is its history line's id (12 characters: one flat string for both).
        const n = (counters.txn ?? 0) + 1
        counters.txn = n
        const tapId = `txn_${n.toString(36).padStart(8, '0')}`
        history.push({
          id: tapId,
          seq: history.length,
          walletId: wallet.id,
          kind: 'payment',
          amount: tap.amount,
          signed: -tap.amount,
          balanceAfter: ctx.ledger.balanceOf(account),
          reference: batchId,
          createdAt: now,
        } satisfies TransactionRecord)
        recordUsage(wallet.usage, tap.amount, now)
        record = tapId
      } catch (error) {
        if (!(error instanceof RailsError)) throw error
        record = failedRecord(error.code)
      }
    }
    seenTaps.set(key, record)
    // `YYYY-MM-DDTHH:mm:ss…±hh:mm`: the operating day can change only with the minute or the offset.
    const date = tap.tappedAt.slice(0, 16) + tap.tappedAt.slice(-6)
    if (date !== lastDate || !lastDay) {
      lastDate = date
      lastDay = tapDay(
        state,
        transit.scene.id,
        operatingDayOf(Date.parse(tap.tappedAt), operatingDayStartsAt),
      )
    }
    if (typeof record === 'string') {
      lastDay.debited++
      lastDay.debitedAmount += tap.amount
      totals.debited += tap.amount
      totals.debitedCount++
    } else {
      lastDay.failed++
      totals.failed++
    }
    results[i] =
      typeof record === 'string'
        ? {
            walletId: tap.walletId,
            counter: tap.counter,
            status: 'debited',
            orderId: record,
            failureCode: null,
          }
        : {
            walletId: tap.walletId,
            counter: tap.counter,
            status: record.status,
            orderId: record.orderId,
            failureCode: record.failureCode,
          }
  }
  if (totals.debited > 0) {
    let history = histories.get(payeeId)
    if (!history) {
      history = []
      histories.set(payeeId, history)
    }
    const n = (counters.txn ?? 0) + 1
    counters.txn = n
    history.push({
      id: `txn_${n.toString(36).padStart(8, '0')}`,
      seq: history.length,
      walletId: payeeId,
      kind: 'payment',
      amount: totals.debited,
      signed: totals.debited,
      balanceAfter: ctx.ledger.balanceOf(payeeAccount),
      reference: batchId,
      createdAt: now,
    })
  }
  return { results, totals }
}

import { limits, tapBatchRequest } from '@ecny/protocol'
import * as z from 'zod/mini'
import type { EngineContext } from '../engine/engineContext.js'
import { requireApprovedMerchant } from '../engine/merchantGuards.js'
import { recordUsage } from '../engine/usage.js'
import { assertDebitWithinCaps, assertFunds, requireActiveWallet } from '../engine/walletGuards.js'
import { walletAccount } from '../ledger/ledger.js'
import type { MerchantContext } from '../merchants/merchantContext.js'
import { transactionId } from '../state/historyLine.js'
import { type TapBatchStamp, type TapLines, tapLineSlots } from '../state/records.js'
import { parseParams } from '../support/parseParams.js'
import { RailsError } from '../support/railsError.js'
import { addCounter, hasCounter } from './counterRanges.js'
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

/**
 * Debits a batch of offline taps in bulk, each new tap once: the tap's amount within the scene's
 * offline maximum and the holder's offline cap (amount and count), then the wallet's own rules as
 * for any payment (open, single/daily/annual caps, funds). A debit is one balanced journal entry
 * (wallet → the merchant's settlement wallet) and one line in the wallet's history (`payment`, its id
 * the tap's id, its reference the batch's id, packed: state/records.ts `TapLines`); the settlement wallet gets one history line per batch with the
 * batch's total. No order and no notification per tap: the batch (its results and totals) is what
 * the operator gets, and the day's totals feed `closeTransitDay`. The counters seen from each wallet
 * are kept as ranges (transit/counterRanges.ts), so a re-sent tap is a `duplicate` with the id of the
 * debit it made, if any.
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
  const tapLines = ctx.state.tapLines
  const counters = ctx.state.counters
  const stamp: TapBatchStamp = { id: batchId, createdAt: now }
  const results: TapResult[] = new Array(taps.length)
  const totals = { debited: 0, debitedCount: 0, duplicates: 0, failed: 0 }
  // Consecutive taps mostly fall on the same operating day: the day is looked up once per date.
  let lastDate = ''
  let lastDay: TapDayTotals | null = null
  for (let i = 0; i < taps.length; i++) {
    const tap = taps[i]!
    const seen = seenTaps.get(tap.walletId)
    if (seen && hasCounter(seen, tap.counter)) {
      totals.duplicates++
      const debit = debitOfCounter(tapLines.get(tap.walletId), tap.counter)
      results[i] = {
        walletId: tap.walletId,
        counter: tap.counter,
        status: 'duplicate',
        orderId: debit === null ? null : transactionId(debit),
        failureCode: null,
      }
      continue
    }
    // A wallet's first tap: its counters as one range, in an array of exactly two.
    if (seen) addCounter(seen, tap.counter)
    else seenTaps.set(tap.walletId, [tap.counter, tap.counter])
    // The debit's history line number, or why nothing was debited.
    let outcome: number | string
    if (tap.amount > maxAmount || !withinOfflineCap(state, tap)) outcome = 'limit_exceeded'
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
        let lines = tapLines.get(tap.walletId)
        if (!lines) {
          lines = []
          tapLines.set(tap.walletId, lines)
        }
        const n = (counters.txn ?? 0) + 1
        counters.txn = n
        history.push(lines.length / tapLineSlots)
        lines.push(n, tap.amount, ctx.ledger.balanceOf(account), tap.counter, stamp)
        recordUsage(wallet.usage, tap.amount, now)
        outcome = n
      } catch (error) {
        if (!(error instanceof RailsError)) throw error
        outcome = error.code
      }
    }
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
    if (typeof outcome === 'number') {
      lastDay.debited++
      lastDay.debitedAmount += tap.amount
      totals.debited += tap.amount
      totals.debitedCount++
    } else {
      lastDay.failed++
      totals.failed++
    }
    results[i] = {
      walletId: tap.walletId,
      counter: tap.counter,
      status: typeof outcome === 'number' ? 'debited' : 'failed',
      orderId: typeof outcome === 'number' ? transactionId(outcome) : null,
      failureCode: typeof outcome === 'number' ? null : outcome,
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
      id: transactionId(n),
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

/** The history line number of the debit a wallet's tap `counter` made, newest first; null if none. */
function debitOfCounter(lines: TapLines | undefined, counter: number): number | null {
  if (!lines) return null
  for (let at = lines.length - tapLineSlots; at >= 0; at -= tapLineSlots)
    if (lines[at + 3] === counter) return lines[at] as number
  return null
}

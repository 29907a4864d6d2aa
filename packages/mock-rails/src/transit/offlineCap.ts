import { transitDefaults } from '@ecny/protocol'
import type { TapDayTotals, TransitState } from './transitState.js'

/**
 * Whether an offline tap is within its wallet's offline cap: the amount at most the cap's `single`,
 * and the tap at most `count` payments after the counter the wallet reported when last online. A
 * wallet whose holder never set a cap has the defaults (¥500, 10 payments; finextra 2023) counted from
 * just before the first counter the rails see from it.
 *
 * @example
 * withinOfflineCap(state, { walletId, counter: 42, amount: 300 }) // true
 */
export function withinOfflineCap(
  state: TransitState,
  tap: { walletId: string; counter: number; amount: number },
): boolean {
  let cap = state.offlineCaps.get(tap.walletId)
  if (!cap) {
    // Spelled out, not spread from the defaults: a spread here gave every record its own hidden class.
    const { single, count } = transitDefaults.offlineCap
    cap = { single, count, onlineCounter: tap.counter - 1, updatedAt: 0 }
    state.offlineCaps.set(tap.walletId, cap)
  }
  const sinceOnline = tap.counter - cap.onlineCounter
  return tap.amount <= cap.single && sinceOnline <= cap.count
}

/** The tap totals of a scene's operating day, created at zero. */
export function tapDay(state: TransitState, sceneId: string, day: string): TapDayTotals {
  const key = `${sceneId}\u241f${day}`
  let totals = state.tapDays.get(key)
  if (!totals) {
    totals = { debited: 0, debitedAmount: 0, failed: 0 }
    state.tapDays.set(key, totals)
  }
  return totals
}

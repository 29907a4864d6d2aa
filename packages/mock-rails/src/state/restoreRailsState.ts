import { indexMerchantDays } from '../engine/merchantDays.js'
import type { RailsState } from './railsState.js'

/**
 * Puts `loaded` (a decoded snapshot) into `state` in place: every map is cleared and refilled, the
 * counters and the ledger replaced, so whoever holds `state` or one of its maps (the engine, the
 * campaign engine, the merchant domain, a user's store) sees the restored rails. Maps another
 * module added to the state (campaigns, the merchant domain) are restored the same way.
 *
 * @example
 * restoreRailsState(state, decodeMaps(snapshot.state) as RailsState)
 */
export function restoreRailsState(state: RailsState, loaded: RailsState): void {
  for (const key of Object.keys(state) as Array<keyof RailsState>) {
    const target = state[key]
    const source = loaded[key]
    if (target instanceof Map) {
      target.clear()
      for (const [k, v] of (source ?? new Map()) as Map<string, never>) target.set(k, v)
    }
  }
  for (const key of Object.keys(state.counters)) delete state.counters[key]
  Object.assign(state.counters, loaded.counters)
  state.ledger.accounts.clear()
  for (const [k, v] of loaded.ledger.accounts) state.ledger.accounts.set(k, v)
  state.ledger.entryCount = loaded.ledger.entryCount
  if (!(loaded.merchantDays instanceof Map)) indexMerchantDays(state)
}

import type { MerchantContext } from '../merchants/merchantContext.js'
import { chargeTrip } from './chargeTrip.js'
import { ruleFare } from './priceTrip.js'
import type { EffectiveRideCodeRules } from './rideCodeRules.js'
import type { TransitScene } from './transitScene.js'
import type { TransitState, TripRecord } from './transitState.js'

/**
 * Closes a trip that entered and never exited by the scene's `entryWithoutExit` rule (the line's
 * maximum fare by default), charging it once. A station no fare table covers charges nothing.
 */
export function closeOpenTrip(
  mc: MerchantContext,
  transit: TransitScene,
  state: TransitState,
  trip: TripRecord,
  rules: EffectiveRideCodeRules,
): TripRecord {
  const fare = ruleFare(transit.settings, trip.entry!.stationId, rules.entryWithoutExit)
  if (fare === null) {
    trip.status = 'failed'
    trip.pricedBy = 'entry_without_exit'
    trip.failureCode = 'invalid_state'
    return trip
  }
  chargeTrip(mc, transit, state, trip, fare, 'entry_without_exit')
  return trip
}

import { closeTransitDayRequest } from '@ecny/protocol'
import type * as z from 'zod/mini'
import type { MerchantContext } from '../merchants/merchantContext.js'
import { parseParams } from '../support/parseParams.js'
import { closeOpenTrip } from './closeOpenTrip.js'
import { rideCodeRulesOf } from './rideCodeRules.js'
import { transitScene } from './transitScene.js'
import { type TripRecord, transitStateOf } from './transitState.js'
import { wireTrip } from './transitWire.js'

/**
 * `POST /v1/transit/operating-days`: the operator closes an operating day. Every trip of that day
 * still open (an entry with no exit) is closed by the `entryWithoutExit` rule and charged once; the
 * answer is the day's reconciliation: trips charged (count, fen), failed, still open, and the day's
 * hardware-wallet taps debited and failed. Closing a day again closes nothing more.
 */
export function closeTransitDay(mc: MerchantContext, input: z.input<typeof closeTransitDayRequest>) {
  const params = parseParams(closeTransitDayRequest, input)
  const transit = transitScene(mc, params.sceneId)
  const state = transitStateOf(mc.ctx.state)
  const rules = rideCodeRulesOf(transit.settings)
  const closedTrips: TripRecord[] = []
  const trips = { charged: 0, chargedAmount: 0, failed: 0, open: 0 }
  for (const trip of state.trips.values()) {
    if (trip.sceneId !== transit.scene.id || trip.day !== params.day) continue
    if (trip.status === 'open') closedTrips.push(closeOpenTrip(mc, transit, state, trip, rules))
    if (trip.status === 'charged') {
      trips.charged++
      trips.chargedAmount += trip.fare ?? 0
    } else if (trip.status === 'failed') trips.failed++
    else trips.open++
  }
  const tapTotals = state.tapDays.get(`${transit.scene.id}\u241f${params.day}`)
  return {
    sceneId: transit.scene.id,
    day: params.day,
    closedTrips: closedTrips.map(wireTrip),
    trips,
    taps: {
      debited: tapTotals?.debited ?? 0,
      debitedAmount: tapTotals?.debitedAmount ?? 0,
      failed: tapTotals?.failed ?? 0,
    },
  }
}

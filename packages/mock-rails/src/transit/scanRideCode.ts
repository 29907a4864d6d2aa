import { rideScanRequest } from '@ecny/protocol'
import type * as z from 'zod/mini'
import { nextId } from '../engine/engineContext.js'
import type { MerchantContext } from '../merchants/merchantContext.js'
import { parseParams } from '../support/parseParams.js'
import { notFound, RailsError } from '../support/railsError.js'
import { chargeTrip } from './chargeTrip.js'
import { closeOpenTrip } from './closeOpenTrip.js'
import { priceTrip, ruleFare } from './priceTrip.js'
import { registeredGate } from './registeredGate.js'
import { operatingDayOf, rideCodeRulesOf } from './rideCodeRules.js'
import { transitScene } from './transitScene.js'
import { type ScanPoint, type TripRecord, transitStateOf } from './transitState.js'
import { wireTrip } from './transitWire.js'

/**
 * `POST /v1/transit/ride-scans`: a ride code read at a registered gate. An entry opens a trip (an
 * earlier trip still open is closed first by the entry-without-exit rule); an exit prices the open
 * trip by the fare table and debits it once; an exit with no entry follows the scene's
 * `exitWithoutEntry` rule (`max_fare` by default, or `refuse` → `trip_not_entered`). A scan repeated
 * within `repeatScanSeconds` at the same station and direction is a `duplicate` and does nothing.
 */
export function scanRideCode(mc: MerchantContext, input: z.input<typeof rideScanRequest>) {
  const params = parseParams(rideScanRequest, input)
  const transit = transitScene(mc, params.sceneId)
  const gate = registeredGate(transit, params.gateId, 'gateId')
  const state = transitStateOf(mc.ctx.state)
  const rideCodeId = state.rideCodeByCode.get(params.code)
  const rideCode = rideCodeId === undefined ? undefined : state.rideCodes.get(rideCodeId)
  if (!rideCode || rideCode.sceneId !== transit.scene.id) throw notFound('ride code', params.code)
  const rules = rideCodeRulesOf(transit.settings)
  const point: ScanPoint = {
    stationId: gate.stationId,
    gateId: gate.gateId,
    at: Date.parse(params.scannedAt),
  }
  const lastId = state.lastTripOf.get(rideCode.id)
  const last = lastId === undefined ? undefined : state.trips.get(lastId)
  const scanned = last && (params.direction === 'entry' ? last.entry : last.exit)
  const sameScan =
    last &&
    scanned &&
    (params.direction === 'entry' ? last.status === 'open' : last.status !== 'open') &&
    scanned.stationId === point.stationId &&
    Math.abs(point.at - scanned.at) <= rules.repeatScanSeconds * 1_000
  if (last && sameScan) return { outcome: 'duplicate' as const, trip: wireTrip(last), closedTrips: [] }

  const closedTrips: TripRecord[] = []
  const open = last?.status === 'open' ? last : undefined
  const newTrip = (entry: ScanPoint | null): TripRecord => {
    const trip: TripRecord = {
      id: nextId(mc.ctx, 'trp'),
      sceneId: transit.scene.id,
      rideCodeId: rideCode.id,
      entry,
      exit: null,
      status: 'open',
      pricedBy: null,
      fare: null,
      orderId: null,
      failureCode: null,
      day: operatingDayOf(point.at, rules.operatingDayStartsAt),
    }
    state.trips.set(trip.id, trip)
    state.lastTripOf.set(rideCode.id, trip.id)
    return trip
  }
  if (params.direction === 'entry') {
    if (open) closedTrips.push(closeOpenTrip(mc, transit, state, open, rules))
    const trip = newTrip(point)
    return { outcome: 'entered' as const, trip: wireTrip(trip), closedTrips: closedTrips.map(wireTrip) }
  }
  if (!open) {
    if (rules.exitWithoutEntry === 'refuse') {
      throw new RailsError(
        'trip_not_entered',
        `Ride code ${rideCode.id} has no entry to exit from, and this scene refuses exits without an entry. Send the rider to the service counter.`,
        { rideCodeId: rideCode.id, stationId: point.stationId },
      )
    }
    const trip = newTrip(null)
    trip.exit = point
    chargeTrip(
      mc,
      transit,
      state,
      trip,
      fareOrRefuse(ruleFare(transit.settings, point.stationId, rules.exitWithoutEntry), point.stationId),
      'exit_without_entry',
    )
    return { outcome: 'exited' as const, trip: wireTrip(trip), closedTrips: [] }
  }
  open.exit = point
  const fare = fareOrRefuse(
    priceTrip(transit.settings, open.entry!.stationId, point.stationId),
    point.stationId,
  )
  chargeTrip(mc, transit, state, open, fare, 'fare_table')
  return { outcome: 'exited' as const, trip: wireTrip(open), closedTrips: [] }
}

function fareOrRefuse(fare: number | null, stationId: string): number {
  if (fare !== null) return fare
  throw new RailsError(
    'invalid_state',
    `No fare table covers station ${stationId}. Add the station to a line's fare table in the scene's fares.`,
    { stationId },
  )
}

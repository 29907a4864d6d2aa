/**
 * What the transit use cases remember, hung on the rails state like the merchant domain's maps (so
 * snapshots carry it). Times are epoch ms by the gate's scan time, amounts integer fen.
 */
import type { RailsState } from '../state/railsState.js'

export type RideCodeRecord = {
  id: string
  sceneId: string
  subWalletId: string
  code: string
  createdAt: number
}
export type ScanPoint = { stationId: string; gateId: string; at: number }
export type TripRecord = {
  id: string
  sceneId: string
  rideCodeId: string
  entry: ScanPoint | null
  exit: ScanPoint | null
  status: 'open' | 'charged' | 'failed'
  pricedBy: 'fare_table' | 'exit_without_entry' | 'entry_without_exit' | null
  fare: number | null
  orderId: string | null
  failureCode: string | null
  /** The operating day (`YYYY-MM-DD`) the trip belongs to. */
  day: string
}
export type OfflineCapRecord = { single: number; count: number; onlineCounter: number; updatedAt: number }
/** Per scene and operating day: debited taps (count, fen) and failed ones, for the day's reconciliation. */
export type TapDayTotals = { debited: number; debitedAmount: number; failed: number }

export type TransitState = {
  rideCodes: Map<string, RideCodeRecord>
  /** Ride code payload → ride code id. */
  rideCodeByCode: Map<string, string>
  trips: Map<string, TripRecord>
  /** Ride code id → its latest trip id (open or the last closed one, for repeated scans). */
  lastTripOf: Map<string, string>
  /** Wallet id → its holder's offline cap. */
  offlineCaps: Map<string, OfflineCapRecord>
  /** `sceneId␟day` → tap totals. */
  tapDays: Map<string, TapDayTotals>
}

const keys: Array<keyof TransitState> = [
  'rideCodes',
  'rideCodeByCode',
  'trips',
  'lastTripOf',
  'offlineCaps',
  'tapDays',
]

/** Adds the transit maps to the rails state (once) and returns them. */
export function transitStateOf(state: RailsState): TransitState {
  const holder = state as unknown as Record<string, unknown>
  for (const key of keys) if (!(holder[`transit_${key}`] instanceof Map)) holder[`transit_${key}`] = new Map()
  return Object.fromEntries(keys.map((key) => [key, holder[`transit_${key}`]])) as unknown as TransitState
}

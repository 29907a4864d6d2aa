import { formatTimestamp } from '../support/shanghaiTime.js'
import type { RideCodeRecord, ScanPoint, TripRecord } from './transitState.js'

export const wireRideCode = (record: RideCodeRecord) => ({
  ...record,
  createdAt: formatTimestamp(record.createdAt),
})

const wirePoint = (point: ScanPoint | null) => point && { ...point, at: formatTimestamp(point.at) }

export function wireTrip(trip: TripRecord) {
  const { day: _day, ...rest } = trip
  return { ...rest, entry: wirePoint(trip.entry), exit: wirePoint(trip.exit) }
}

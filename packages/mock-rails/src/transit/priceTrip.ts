import type { FareTable } from '@ecny/protocol'
import type { TransitSettings } from './transitScene.js'

/**
 * The fare of a trip between two stations by the scene's fare tables (integer fen, never above the
 * line's `maxFare`): a distance line by the band the distance falls in (beyond the last band:
 * `maxFare`); a zone line by the number of zones crossed (beyond the table: its last entry). The trip
 * is priced on a line both stations are on; with none in common (the sandbox has no network
 * routing) it pays the highest `maxFare` of the two stations' lines. `null` when no table covers them.
 *
 * @example
 * priceTrip(settings, 'S01', 'S05') // 400
 */
export function priceTrip(settings: TransitSettings, fromStation: string, toStation: string): number | null {
  const tables = settings.fares ?? []
  for (const table of tables) {
    const fare = fareOnLine(table, fromStation, toStation)
    if (fare !== null) return fare
  }
  const caps = [fromStation, toStation].flatMap((station) => linesAt(tables, station).map((t) => t.maxFare))
  return caps.length > 0 ? Math.max(...caps) : null
}

/** The fare for a missing scan at `station`: the highest `maxFare` or lowest fare of its lines. */
export function ruleFare(
  settings: TransitSettings,
  station: string,
  rule: 'max_fare' | 'min_fare',
): number | null {
  const lines = linesAt(settings.fares ?? [], station)
  if (lines.length === 0) return null
  return rule === 'max_fare'
    ? Math.max(...lines.map((table) => table.maxFare))
    : Math.min(...lines.map((table) => Math.min(lowestFare(table), table.maxFare)))
}

function fareOnLine(table: FareTable, from: string, to: string): number | null {
  if (table.kind === 'distance') {
    const a = table.stationMeters[from]
    const b = table.stationMeters[to]
    if (a === undefined || b === undefined) return null
    const distance = Math.abs(a - b)
    const band = table.bands.find((candidate) => distance <= candidate.upToMeters)
    return Math.min(band ? band.fare : table.maxFare, table.maxFare)
  }
  const a = table.stationZones[from]
  const b = table.stationZones[to]
  if (a === undefined || b === undefined) return null
  const crossed = Math.abs(a - b)
  const fare = table.zoneFares[Math.min(crossed, table.zoneFares.length - 1)] as number
  return Math.min(fare, table.maxFare)
}

function linesAt(tables: FareTable[], station: string): FareTable[] {
  return tables.filter((table) =>
    table.kind === 'distance' ? station in table.stationMeters : station in table.stationZones,
  )
}

function lowestFare(table: FareTable): number {
  return table.kind === 'distance'
    ? (table.bands[0] as { fare: number }).fare
    : (table.zoneFares[0] as number)
}

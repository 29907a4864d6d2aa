import { transitDefaults } from '@ecny/protocol'
import { shanghaiDate } from '../support/shanghaiTime.js'
import type { TransitSettings } from './transitScene.js'

export type EffectiveRideCodeRules = {
  exitWithoutEntry: 'max_fare' | 'min_fare' | 'refuse'
  entryWithoutExit: 'max_fare' | 'min_fare'
  operatingDayStartsAt: string
  repeatScanSeconds: number
}

/** The scene's ride-code rules with the documented defaults (`transitDefaults.rideCodes`) filled in. */
export function rideCodeRulesOf(settings: TransitSettings): EffectiveRideCodeRules {
  return { ...transitDefaults.rideCodes, ...settings.rideCodes }
}

/**
 * The operating day (`YYYY-MM-DD`) a time falls in: a day runs from `operatingDayStartsAt` (UTC+8)
 * to the next day's, so a 00:30 exit still belongs to the evening before.
 *
 * @example
 * operatingDayOf(Date.parse('2025-03-02T00:30:00+08:00'), '04:00') // '2025-03-01'
 */
export function operatingDayOf(ms: number, startsAt: string): string {
  const [hours, minutes] = startsAt.split(':').map(Number) as [number, number]
  return shanghaiDate(ms - (hours * 60 + minutes) * 60_000)
}

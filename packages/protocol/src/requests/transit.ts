/**
 * Request bodies of the transit operations beyond tap batches: fare tables and ride-code rules (scene
 * settings), ride codes (乘车码) and their scans, the operating day's close, and a hardware wallet's
 * offline cap. Rules and sources: docs/transit.md.
 */
import * as z from 'zod/mini'
import { amount, gatewayId } from './fields.js'

const code = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,32}$/, 'expected 1–32 letters, digits, _ or -'))
const wholeNumber = z.number().check(z.int(), z.minimum(0))

/**
 * Defaults the operator (ride-code rules) or the holder (offline cap) may change. The offline cap's
 * defaults are also its upper bounds: up to ¥500 a payment and up to 10 payments before the wallet
 * must go online (finextra 2023, DOMAIN §7).
 */
export const transitDefaults = {
  offlineCap: { single: 50_000, count: 10 },
  rideCodes: {
    exitWithoutEntry: 'max_fare',
    entryWithoutExit: 'max_fare',
    operatingDayStartsAt: '04:00',
    repeatScanSeconds: 120,
  },
} as const

/** A line priced by distance: each station's position along the line in metres, fare bands, a cap. */
export const distanceFareTable = z.object({
  lineId: code,
  kind: z.literal('distance'),
  stationMeters: z.record(code, wholeNumber),
  /** Ascending `upToMeters`; a trip longer than the last band pays `maxFare`. */
  bands: z.array(z.object({ upToMeters: wholeNumber, fare: amount })).check(z.minLength(1)),
  maxFare: amount,
})
/** A line priced by zones: each station's zone, the fare by zones crossed (index 0: within one zone), a cap. */
export const zoneFareTable = z.object({
  lineId: code,
  kind: z.literal('zone'),
  stationZones: z.record(code, z.number().check(z.int(), z.minimum(1))),
  zoneFares: z.array(amount).check(z.minLength(1)),
  maxFare: amount,
})
export const fareTable = z.discriminatedUnion('kind', [distanceFareTable, zoneFareTable])
export type FareTable = z.infer<typeof fareTable>

/** What happens to a trip missing a scan: the line's maximum or minimum fare, or (exit only) refusal. */
export const rideCodeRules = z.object({
  exitWithoutEntry: z.optional(z.enum(['max_fare', 'min_fare', 'refuse'])),
  entryWithoutExit: z.optional(z.enum(['max_fare', 'min_fare'])),
  /** Local (UTC+8) time the operating day starts, `HH:MM`; trips still open then are closed by the rule. */
  operatingDayStartsAt: z.optional(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM'))),
  /** A scan of the same code, direction and station within this many seconds is the same scan. */
  repeatScanSeconds: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(3_600))),
})
export type RideCodeRules = z.infer<typeof rideCodeRules>

export const issueRideCodeRequest = z.object({
  sceneId: gatewayId,
  /** A sub-wallet (WT02) the rider pushed to the transit operator. */
  subWalletId: gatewayId,
})

export const rideScanRequest = z.object({
  sceneId: gatewayId,
  code: z.string().check(z.regex(/^ECNYRIDE:[A-Za-z0-9_]{1,64}$/, 'expected a ride code (ECNYRIDE:…)')),
  gateId: code,
  direction: z.enum(['entry', 'exit']),
  scannedAt: z.iso.datetime({ offset: true }),
})

export const closeTransitDayRequest = z.object({
  sceneId: gatewayId,
  /** The operating day, `YYYY-MM-DD` (it runs from `operatingDayStartsAt` to the next day's). */
  day: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')),
})

export const setOfflineCapRequest = z.object({
  /** Largest offline payment, fen: at most 50 000 (¥500). */
  single: z.number().check(z.int(), z.minimum(1), z.maximum(transitDefaults.offlineCap.single)),
  /** Offline payments before the wallet must go online: at most 10. */
  count: z.number().check(z.int(), z.minimum(1), z.maximum(transitDefaults.offlineCap.count)),
  /** The wallet's offline counter now, as it goes online: the next offline payments count from here. */
  counter: z.number().check(z.int(), z.minimum(0)),
})

/** Hardware wallets (WT03) by form factor (DOMAIN §2, §7: cards linked by 贴一贴, SIM wallets, wearables). */
export const hardwareWalletFormFactors = ['card', 'sim', 'wearable'] as const

export const issueHardwareWalletRequest = z.object({
  formFactor: z.enum(hardwareWalletFormFactors),
  /** The holder's offline cap from the start (counter 0); `transitDefaults.offlineCap` when left out. */
  offlineCap: z.optional(
    z.object({
      single: z.number().check(z.int(), z.minimum(1), z.maximum(transitDefaults.offlineCap.single)),
      count: z.number().check(z.int(), z.minimum(1), z.maximum(transitDefaults.offlineCap.count)),
    }),
  ),
})

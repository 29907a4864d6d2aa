import * as z from 'zod/mini'
import { fen, timestamp, tolerantEnum } from './common.js'

export const rideCode = z.looseObject({
  id: z.string(),
  sceneId: z.string(),
  subWalletId: z.string(),
  /** What the rider's app shows as a QR at the gate. */
  code: z.string(),
  createdAt: timestamp,
})
export type RideCode = z.infer<typeof rideCode>

const scanPoint = z.looseObject({ stationId: z.string(), gateId: z.string(), at: timestamp })

export const trip = z.looseObject({
  id: z.string(),
  sceneId: z.string(),
  rideCodeId: z.string(),
  entry: z.nullable(scanPoint),
  exit: z.nullable(scanPoint),
  /** `open` until the exit (or the day's close); then `charged` or `failed`. */
  status: tolerantEnum(['open', 'charged', 'failed']),
  /** How the fare was set: the fare table, or the rule for a missing scan. */
  pricedBy: z.nullable(tolerantEnum(['fare_table', 'exit_without_entry', 'entry_without_exit'])),
  fare: z.nullable(fen),
  orderId: z.nullable(z.string()),
  failureCode: z.nullable(z.string()),
})
export type Trip = z.infer<typeof trip>

export const rideScan = z.looseObject({
  /** `entered`, `exited` (the trip was charged or failed), or `duplicate` (a repeated scan: nothing done). */
  outcome: tolerantEnum(['entered', 'exited', 'duplicate']),
  trip,
  /** Trips this scan closed by the entry-without-exit rule (an earlier entry never exited). */
  closedTrips: z.array(trip),
})
export type RideScan = z.infer<typeof rideScan>

export const transitDay = z.looseObject({
  sceneId: z.string(),
  day: z.string(),
  /** Open trips of the day closed now by the entry-without-exit rule. */
  closedTrips: z.array(trip),
  trips: z.looseObject({ charged: z.number(), chargedAmount: fen, failed: z.number(), open: z.number() }),
  taps: z.looseObject({ debited: z.number(), debitedAmount: fen, failed: z.number() }),
})
export type TransitDay = z.infer<typeof transitDay>

export const offlineCap = z.looseObject({
  walletId: z.string(),
  single: fen,
  count: z.number(),
  /** The counter the wallet reported when it was last online. */
  onlineCounter: z.number(),
  updatedAt: timestamp,
})
export type OfflineCap = z.infer<typeof offlineCap>

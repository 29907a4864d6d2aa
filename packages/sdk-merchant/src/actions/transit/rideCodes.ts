import { operations, type RideCode, type RideScan, type TransitDay } from '@ecny/protocol'
import type { CallOptions } from '@ecny/sdk-core'
import { fromOperation, parseInput, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { gatewayId } from '../../internal/inputs.js'

const gateIdSchema = z
  .string({ error: 'gateId must be a string' })
  .check(z.regex(/^[A-Za-z0-9_-]{1,32}$/, { error: 'gateId must be 1–32 letters, digits, _ or -' }))

const issueRideCodeParameters = z.object({
  sceneId: gatewayId('sceneId'),
  subWalletId: gatewayId('subWalletId'),
})
const scanRideCodeParameters = z.object({
  sceneId: gatewayId('sceneId'),
  /** The ride code the rider's app shows (`ECNYRIDE:…`). */
  code: z
    .string({ error: 'code must be a string' })
    .check(z.regex(/^ECNYRIDE:[A-Za-z0-9_]{1,64}$/, { error: 'code must be a ride code (ECNYRIDE:…)' })),
  gateId: gateIdSchema,
  direction: z.enum(['entry', 'exit'], { error: 'direction must be entry or exit' }),
  /** When the gate read the code: ISO 8601 with offset. */
  scannedAt: z.iso.datetime({
    offset: true,
    error: 'scannedAt must be an ISO 8601 time with offset, e.g. 2025-01-01T08:30:00+08:00',
  }),
})
const closeTransitDayParameters = z.object({
  sceneId: gatewayId('sceneId'),
  day: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'day must be YYYY-MM-DD' })),
})

export type IssueRideCodeParameters = z.input<typeof issueRideCodeParameters>
export type ScanRideCodeParameters = z.input<typeof scanRideCodeParameters>
export type CloseTransitDayParameters = z.input<typeof closeTransitDayParameters>
export type { RideCode, RideScan, TransitDay }

/**
 * Issues a ride code (乘车码) for the rider's app, backed by a sub-wallet the rider pushed to the
 * transit operator; each trip is debited from it password-free at the exit.
 *
 * @example
 * const { code } = await issueRideCode(client, { sceneId, subWalletId })
 */
export async function issueRideCode(
  client: MerchantBaseClient,
  parameters: IssueRideCodeParameters,
  options: CallOptions = {},
): Promise<RideCode> {
  const body = parseInput(issueRideCodeParameters, parameters, 'ride code')
  return client.request({ ...fromOperation(operations.issueRideCode), body, ...options })
}

/**
 * Sends a ride-code scan from a registered gate. An entry opens the trip; the exit prices it by the
 * scene's fare table and debits it once (`outcome: 'exited'`, `trip.status` `charged` or `failed`).
 * A repeated scan answers `duplicate` and charges nothing; an exit without an entry follows the
 * scene's rule (`max_fare` by default, or `trip_not_entered`); a gate not registered is `gate_unknown`.
 *
 * @example
 * const { outcome, trip } = await scanRideCode(client, { sceneId, code, gateId: 'G-S05-1', direction: 'exit', scannedAt })
 */
export async function scanRideCode(
  client: MerchantBaseClient,
  parameters: ScanRideCodeParameters,
  options: CallOptions = {},
): Promise<RideScan> {
  const body = parseInput(scanRideCodeParameters, parameters, 'ride scan')
  return client.request({ ...fromOperation(operations.scanRideCode), body, ...options })
}

/**
 * Closes an operating day: trips still open (entered, never exited) are charged by the scene's
 * entry-without-exit rule, and the answer reconciles the day (trips charged and failed, taps
 * debited and failed). Closing again closes nothing more.
 *
 * @example
 * const { trips, taps } = await closeTransitDay(client, { sceneId, day: '2025-03-01' })
 */
export async function closeTransitDay(
  client: MerchantBaseClient,
  parameters: CloseTransitDayParameters,
  options: CallOptions = {},
): Promise<TransitDay> {
  const body = parseInput(closeTransitDayParameters, parameters, 'operating day')
  return client.request({ ...fromOperation(operations.closeTransitDay), body, ...options })
}

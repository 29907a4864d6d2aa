/**
 * Transit routes.
 *
 * POST  /v1/transit/tap-batches            {sceneId, taps[{walletId, counter, amount, tappedAt, gateId}] ≤ 500}
 *                                          → TapBatch (a result per tap: debited | duplicate | failed)
 * POST  /v1/transit/ride-codes             {sceneId, subWalletId} → RideCode (乘车码)
 * POST  /v1/transit/ride-scans             {sceneId, code, gateId, direction entry|exit, scannedAt} → RideScan
 * POST  /v1/transit/operating-days         {sceneId, day} → TransitDay (open trips closed by rule, the day's totals)
 * POST  /v1/wallets/{id}/offline-cap       {single, count, counter} → OfflineCap (the holder; a wallet token may call it)
 * POST  /v1/wallets/{id}/hardware-wallets  {formFactor card|sim|wearable, offlineCap?} → Wallet (WT03; the holder too)
 */
import { type Operation, operations } from '@ecny/protocol'
import { field, walletScoped } from '../http/callerAccess.js'
import type { RouteDefinition, RouteInput } from '../http/routeDefinition.js'
import { assertSceneAccess } from '../merchants/sceneAccess.js'

export const transitRoutes: RouteDefinition[] = [
  {
    ...operations.uploadTapBatch,
    handle: (input) => {
      const sceneId = field(input.body, 'sceneId')
      if (typeof sceneId === 'string') assertSceneAccess(input, sceneId)
      return input.merchants.uploadTapBatch(input.body as never)
    },
  },
  sceneRoute(operations.issueRideCode, (input) => input.merchants.transit.issueRideCode(input.body as never)),
  sceneRoute(operations.scanRideCode, (input) => input.merchants.transit.scanRideCode(input.body as never)),
  sceneRoute(operations.closeTransitDay, (input) =>
    input.merchants.transit.closeTransitDay(input.body as never),
  ),
  {
    ...operations.setOfflineCap,
    tokenAccess: (scope, input) => walletScoped(input.params.id)(scope),
    handle: (input) => input.merchants.transit.setOfflineCap(input.params.id!, input.body as never),
  },
  {
    ...operations.issueHardwareWallet,
    tokenAccess: (scope, input) => walletScoped(input.params.id)(scope),
    handle: (input) => input.merchants.transit.issueHardwareWallet(input.params.id!, input.body as never),
  },
]

/** A transit route on a scene: only the scene's merchant may call it. */
function sceneRoute(operation: Operation, handle: (input: RouteInput) => unknown): RouteDefinition {
  return {
    ...operation,
    handle: (input) => {
      const sceneId = field(input.body, 'sceneId')
      if (typeof sceneId === 'string') assertSceneAccess(input, sceneId)
      return handle(input)
    },
  }
}

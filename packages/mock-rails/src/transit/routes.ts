/**
 * Transit routes.
 *
 * POST  /v1/transit/tap-batches            {sceneId, taps[{walletId, counter, amount, tappedAt, gateId}] ≤ 500}
 *                                          → TapBatch (a result per tap: debited | duplicate | failed)
 */
import { operations } from '@ecny/protocol'
import { field } from '../http/callerAccess.js'
import type { RouteDefinition } from '../http/routeDefinition.js'
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
]

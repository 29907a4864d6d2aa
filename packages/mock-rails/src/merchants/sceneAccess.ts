import { assertMerchantAccess } from '../http/callerAccess.js'
import type { RouteInput } from '../http/routeDefinition.js'

/**
 * Checks the calling app may act for the merchant a scene belongs to (a scene's terminals, QR
 * codes, bills and taps are that merchant's).
 *
 * @example
 * assertSceneAccess(input, input.params.id!) // permission_denied for another merchant's scene
 */
export function assertSceneAccess(input: RouteInput, sceneId: string): void {
  assertMerchantAccess(input.caller, input.merchants.sceneMerchant(sceneId))
}

import { RailsError } from '../support/railsError.js'
import type { Caller } from './routeDefinition.js'

/** Apps registered with `merchantIds` may act only for those merchants. */
export function assertMerchantAccess(caller: Caller, merchantId: string): void {
  if (caller.kind !== 'app' || caller.app.merchantIds === null) return
  if (!caller.app.merchantIds.includes(merchantId)) {
    throw new RailsError(
      'permission_denied',
      `App ${caller.app.appId} may not act for merchant ${merchantId}. Use the credentials of an app registered for that merchant.`,
      { merchantId },
    )
  }
}

/** The merchant an order request is for: the one named, or the app's only merchant. */
export function merchantFor(caller: Caller, named: string | null | undefined): string | undefined {
  if (named) return named
  if (caller.kind === 'app' && caller.app.merchantIds?.length === 1) return caller.app.merchantIds[0]
  return undefined
}

/** A token scoped to this wallet. */
export const walletScoped = (walletId: string | undefined) => (scope: { type: string; id: string }) =>
  scope.type === 'wallet' && scope.id === walletId

/** Reads a field of a not-yet-validated body. */
export function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined
}

import { RailsError } from '../support/railsError.js'
import { assertTokenAccess } from './assertTokenAccess.js'
import type { ClientTokenStore } from './auth/clientTokens.js'
import { assertMerchantAccess } from './callerAccess.js'
import type { Caller, RouteDefinition, RouteInput } from './routeDefinition.js'
import { walletsNamed } from './walletsNamed.js'

/**
 * What the door may do: `claimed` — a single-use scope is held (release it if the call fails);
 * `replayOnly` — answer only from this caller's own idempotency record, never run the route.
 */
export type Authorisation = { caller: Caller; claimed: boolean; replayOnly: boolean }

/**
 * Decides, synchronously, whether the caller may make this call: an app only on wallets of merchants
 * it acts for (a settlement or organiser wallet belongs to its merchant); a token from its scope as it is
 * now (not as it was before an await), and claims a single-use scope. Runs before the idempotency
 * lookup, so a replay is only ever served to a caller allowed to make the request. Returns the
 * caller with its current scope and whether a claim was taken (the door releases it on failure).
 *
 * @example
 * const { caller, claimed } = authoriseCaller(route, 'POST', authenticated, input, tokens)
 */
export function authoriseCaller(
  route: RouteDefinition,
  method: string,
  authenticated: Caller,
  input: RouteInput,
  tokens: ClientTokenStore,
): Authorisation {
  if (authenticated.kind === 'app') {
    assertWalletsAccessible(route, authenticated, input)
    return { caller: authenticated, claimed: false, replayOnly: false }
  }
  const record = tokens.find(authenticated.token)
  if (!record) {
    throw new RailsError(
      'authentication_failed',
      'The client token is not one this gateway issued. Mint a new one from your backend.',
    )
  }
  const caller: Caller = { ...authenticated, scope: { ...record.scope } }
  // A token that opened its wallet may retry that opening: only its own stored answer is replayed.
  if (route.claimsToken && record.opened) return { caller, claimed: false, replayOnly: true }
  assertTokenAccess(route, method, caller.scope, { ...input, caller })
  if (!route.claimsToken) return { caller, claimed: false, replayOnly: false }
  if (!tokens.claim(record.token)) {
    throw new RailsError(
      'permission_denied',
      'This client token is already being used to open a wallet. A wallet_opening token opens one wallet; wait for that answer.',
      { scope: { type: caller.scope.type } },
    )
  }
  return { caller, claimed: true, replayOnly: false }
}

/** `permission_denied` for a used-up wallet_opening token asking for anything but its own replay. */
export function usedOpeningToken(): RailsError {
  return new RailsError(
    'permission_denied',
    'This client token already opened its wallet; a wallet_opening token opens one wallet. Retry with the same Idempotency-Key to get that answer again.',
    { scope: { type: 'wallet' } },
  )
}

/** `permission_denied` when the request names a merchant's settlement wallet the app may not act for. */
function assertWalletsAccessible(route: RouteDefinition, caller: Caller, input: RouteInput): void {
  for (const walletId of walletsNamed(route, input)) {
    const merchantId = input.engine.merchantOwningWallet(walletId)
    if (merchantId !== undefined) assertMerchantAccess(caller, merchantId)
  }
}

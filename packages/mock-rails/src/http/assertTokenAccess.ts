import { maskWalletId } from '../support/mask.js'
import { RailsError } from '../support/railsError.js'
import type { TokenScope } from './auth/clientTokens.js'
import type { RouteDefinition, RouteInput } from './routeDefinition.js'

/** The scope as an error may show it: a wallet id is personal data, so it is masked. */
function shownScope(scope: TokenScope): TokenScope {
  return scope.type === 'wallet' ? { type: 'wallet', id: maskWalletId(scope.id) } : { ...scope }
}

/** `permission_denied` unless the route lets a token of this scope make this call. */
export function assertTokenAccess(
  route: RouteDefinition,
  method: string,
  scope: TokenScope,
  input: RouteInput,
) {
  if (route.tokenAccess?.(scope, input)) return
  const shown = shownScope(scope)
  throw new RailsError(
    'permission_denied',
    route.tokenAccess
      ? `This client token is scoped to ${shown.type} ${shown.id} and may not do this. Mint a token for the right ${shown.type}.`
      : `${method} ${route.path} needs server credentials; client tokens cannot call it.`,
    { scope: shown },
  )
}

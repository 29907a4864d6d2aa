/**
 * App / H5 hand-off routes (the rails acting as the holder's wallet operator).
 *
 * GET  /v1/app-handoff-key        → AppHandoffKey {encryptionSN, publicKey (P-256 JWK), acqAgtInstnId,
 *                                 creditorInstitutionId}: what a merchant's server seals to.
 * POST /v1/app-handoffs/open      AppHandoff → OpenedAppHandoff (token: any wallet). Unknown serial → 422
 *                                 app_handoff_key_unknown; a seal that does not verify, or that names
 *                                 another merchant's, a non-app or a different-amount order → 422
 *                                 app_handoff_invalid; expired → order_expired; paid/closed → order_not_payable.
 */
import { appHandoff, appHandoffOperations } from '@ecny/protocol/app-pay'
import type { RouteDefinition } from '../http/routeDefinition.js'
import { parseParams } from '../support/parseParams.js'
import { openAppHandoff } from './openAppHandoff.js'

export const appHandoffRoutes: RouteDefinition[] = [
  {
    ...appHandoffOperations.getAppHandoffKey,
    handle: ({ handoffKeys }) => handoffKeys.publicKey(),
  },
  {
    ...appHandoffOperations.openAppHandoff,
    // The holder's wallet app opens hand-offs; which wallet pays is decided at payOrder.
    tokenAccess: (scope) => scope.type === 'wallet',
    handle: (input) => openAppHandoff(input, parseParams(appHandoff, input.body)),
  },
]

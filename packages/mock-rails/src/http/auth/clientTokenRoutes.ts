/**
 * POST /v1/client-tokens   {scope: {type: 'order'|'wallet'|'wallet_opening', id}, ttlSeconds? (≤ 900, default 900)}
 *                          → ClientToken {token, scope, expiresAt}. Server credentials only; the order or
 *                          wallet must exist (and an order must belong to a merchant the app acts for).
 *                          The browser sends it as `Authorization: Bearer <token>`.
 */
import { createClientTokenRequest, operations } from '@ecny/protocol'
import { parseParams } from '../../support/parseParams.js'
import { formatTimestamp } from '../../support/shanghaiTime.js'
import { assertMerchantAccess } from '../callerAccess.js'
import type { RouteDefinition } from '../routeDefinition.js'
import { maxClientTokenTtlSeconds } from './clientTokens.js'

export const clientTokenRoutes: RouteDefinition[] = [
  {
    ...operations.createClientToken,
    handle: ({ engine, body, caller, tokens, now }) => {
      const params = parseParams(createClientTokenRequest, body)
      if (params.scope.type === 'order')
        assertMerchantAccess(caller, engine.getOrder(params.scope.id).merchantId)
      else if (params.scope.type === 'wallet') engine.getWallet(params.scope.id)
      // wallet_opening: the id is the app's own reference for the person; nothing to look up.
      const appId = caller.kind === 'app' ? caller.app.appId : caller.appId
      const record = tokens.mint(appId, params.scope, params.ttlSeconds ?? maxClientTokenTtlSeconds, now)
      return { token: record.token, scope: record.scope, expiresAt: formatTimestamp(record.expiresAt) }
    },
  },
]

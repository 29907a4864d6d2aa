/**
 * Transfer routes.
 *
 * POST /v1/transfers        {fromWalletId, toWalletId, amount, memo?, campaignId?} → Transfer.
 *                           Sender's single/daily/annual caps and funds, receiver's balance cap. With a
 *                           campaignId, `reward` carries the campaign's answer; otherwise `reward` is null.
 *                           A wallet token may send from its own wallet.
 * GET  /v1/transfers/{id}   → Transfer (a wallet token: transfers from or to its wallet)
 */
import { operations } from '@ecny/protocol'
import { field } from '../http/callerAccess.js'
import type { RouteDefinition } from '../http/routeDefinition.js'

export const transferRoutes: RouteDefinition[] = [
  {
    ...operations.createTransfer,
    tokenAccess: (scope, { body }) => scope.type === 'wallet' && scope.id === field(body, 'fromWalletId'),
    handle: ({ engine, body }) => engine.createTransfer(body as never),
  },
  {
    ...operations.getTransfer,
    tokenAccess: (scope, { engine, params }) => {
      if (scope.type !== 'wallet') return false
      try {
        const found = engine.getTransfer(params.id!)
        return found.fromWalletId === scope.id || found.toWalletId === scope.id
      } catch {
        return false
      }
    },
    handle: ({ engine, params }) => engine.getTransfer(params.id!),
  },
]

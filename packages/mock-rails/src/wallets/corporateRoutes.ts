/**
 * Corporate parent wallets and their WT10 sub-wallets (对公母钱包/子钱包): open, list, allocate, collect,
 * change caps (PATCH …/corporate-sub-wallets/{subWalletId}), close (POST …/{subWalletId}/close).
 * Server credentials only (no client-token scope reaches them). A sub-wallet's statement is its own
 * `GET /v1/wallets/{id}/transactions`.
 */
import { corporateWalletOperations as operations } from '@ecny/protocol/corporate'
import type { RouteDefinition } from '../http/routeDefinition.js'

export const corporateWalletRoutes: RouteDefinition[] = [
  {
    ...operations.openCorporateSubWallet,
    handle: ({ engine, params, body }) => engine.openCorporateSubWallet(params.id!, body as never),
  },
  {
    ...operations.listCorporateSubWallets,
    handle: ({ engine, params }) => engine.listCorporateSubWallets(params.id!),
  },
  {
    ...operations.allocateToCorporateSubWallet,
    handle: ({ engine, params, body }) => engine.allocateToCorporateSubWallet(params.id!, body as never),
  },
  {
    ...operations.collectFromCorporateSubWallet,
    handle: ({ engine, params, body }) => engine.collectFromCorporateSubWallet(params.id!, body as never),
  },
  {
    ...operations.updateCorporateSubWalletCaps,
    handle: ({ engine, params, body }) =>
      engine.updateCorporateSubWalletCaps(params.id!, params.subWalletId!, body as never),
  },
  {
    ...operations.closeCorporateSubWallet,
    handle: ({ engine, params, body }) =>
      engine.closeCorporateSubWallet(params.id!, params.subWalletId!, body as never),
  },
]

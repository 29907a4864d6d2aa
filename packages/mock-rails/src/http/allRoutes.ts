import { appHandoffRoutes } from '../appPay/routes.js'
import { pointsRoutes } from '../campaigns/points/pointsRoutes.js'
import { campaignRoutes } from '../campaigns/routes.js'
import { govRoutes } from '../gov/routes.js'
import { merchantRoutes } from '../merchants/routes.js'
import { orderRoutes } from '../orders/routes.js'
import { statementRoutes } from '../statements/routes.js'
import { testControlRoutes } from '../testControls/routes.js'
import { transferRoutes } from '../transfers/routes.js'
import { transitRoutes } from '../transit/routes.js'
import { corporateWalletRoutes } from '../wallets/corporateRoutes.js'
import { walletRoutes } from '../wallets/routes.js'
import { clientTokenRoutes } from './auth/clientTokenRoutes.js'
import type { RouteDefinition } from './routeDefinition.js'

/**
 * Every `/v1` route of the rails: each domain folder's `routes.ts`, the client-token route of auth,
 * and the test-mode controls (refused unless the rails are in test mode).
 */
export const allRoutes: RouteDefinition[] = [
  ...clientTokenRoutes,
  ...walletRoutes,
  ...corporateWalletRoutes,
  ...orderRoutes,
  ...appHandoffRoutes,
  ...transferRoutes,
  ...merchantRoutes,
  ...govRoutes,
  ...transitRoutes,
  ...statementRoutes,
  ...campaignRoutes,
  ...pointsRoutes,
  ...testControlRoutes,
]

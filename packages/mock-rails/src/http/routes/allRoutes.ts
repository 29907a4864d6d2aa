import { campaignRoutes } from '../../campaigns/campaignRoutes.js'
import { govRoutes } from '../../gov/routes.js'
import { merchantRoutes } from '../../merchants/routes.js'
import { statementRoutes } from '../../statements/routes.js'
import { transitRoutes } from '../../transit/routes.js'
import type { RouteDefinition } from '../routeDefinition.js'
import { clientTokenRoutes } from './clientTokenRoutes.js'
import { orderRoutes } from './orderRoutes.js'
import { transferRoutes } from './transferRoutes.js'
import { walletRoutes } from './walletRoutes.js'

/** Every `/v1` route of the rails. Other modules (merchants, campaigns) add theirs here. */
export const allRoutes: RouteDefinition[] = [
  ...clientTokenRoutes,
  ...walletRoutes,
  ...orderRoutes,
  ...transferRoutes,
  ...merchantRoutes,
  ...govRoutes,
  ...transitRoutes,
  ...statementRoutes,
  ...campaignRoutes,
]

import { type ClientConfig, createBaseClient } from '@ecny/sdk-core'
import { localiseMethods } from '@ecny/sdk-core/internal'
import { createDefaultInFlightCreateStore } from '../actions/orders/defaultInFlightCreateStore.js'
import type { InFlightCreateStore } from '../actions/orders/inFlightCreateStore.js'
import { isNotificationOperator } from '../notifications/notificationOperator.js'
import { type CampaignActions, campaignActions } from './decorators/campaignActions.js'
import { type GovActions, govActions } from './decorators/govActions.js'
import {
  type NotificationActions,
  type NotificationOptions,
  notificationActions,
} from './decorators/notificationActions.js'
import { type OnboardingActions, onboardingActions } from './decorators/onboardingActions.js'
import { type OrderActions, orderActions } from './decorators/orderActions.js'
import { type RefundActions, refundActions } from './decorators/refundActions.js'
import { type StatementActions, statementActions } from './decorators/statementActions.js'
import { type TransitActions, transitActions } from './decorators/transitActions.js'
import type { MerchantBaseClient } from './MerchantBaseClient.js'
import { withRefundOrderAmount } from './withRefundOrderAmount.js'

export type MerchantClientConfig = ClientConfig & {
  /** The merchant calls act for when they name none (e.g. the id from onboarding). */
  merchantId?: string
  /** Notification verification: replay store, TTL, tolerance. */
  notifications?: NotificationOptions
  /**
   * Where each `createOrder` is written down before it is sent and struck out once a final answer
   * came back, so creates that ended in `result_unknown` (or a crash) can be settled later, from any
   * instance, with `recoverInFlightCreates`. Default: in memory (one process; a warning under
   * `NODE_ENV=production`). Use `createRedisInFlightCreateStore` from `@ecny/store-redis` with
   * several instances or to survive a restart; `false` records nothing.
   */
  inFlightCreates?: InFlightCreateStore | false
}

/** The merchant-side client: the transport plus every merchant action, grouped by area. */
export type MerchantClient = MerchantBaseClient &
  OnboardingActions &
  OrderActions &
  RefundActions &
  NotificationActions &
  StatementActions &
  CampaignActions &
  TransitActions &
  GovActions

/**
 * Creates the merchant-side client (Node, server credentials): `onboarding`, `orders`, `refunds`,
 * `notifications`, `statements`, `campaigns`, `transit` and `gov`. Each method is also a standalone
 * action (`createOrder(client, …)`) for the smallest bundles.
 *
 * @example
 * const client = createMerchantClient({
 *   baseUrl: sandbox.url,
 *   credentials: sandbox.credentials,
 *   merchantId: sandbox.merchantId,
 * })
 * const order = await client.orders.create({ mode: 'qr', merchantOrderNo: 'A-1', amount: 1_250, description: 'Latte' })
 *
 * @example
 * // The same actions over CMB 聚合收单 (see docs/operators/cmb.md):
 * const cmbClient = createMerchantClient({ operator: cmb({ appId, secret, merId, privateKey, gatewayPublicKey, environment: 'test' }) })
 */
export function createMerchantClient(config: MerchantClientConfig): MerchantClient {
  const { merchantId, notifications, inFlightCreates, ...clientConfig } = config
  const transport = createBaseClient(clientConfig)
  // An operator (e.g. cmb()) gets the same actions; refunds there name the order's amount.
  const base: MerchantBaseClient = {
    ...(config.operator ? withRefundOrderAmount(transport) : transport),
    merchantId,
    operator: config.operator?.name,
    inFlightCreates:
      inFlightCreates === undefined ? createDefaultInFlightCreateStore() : inFlightCreates || undefined,
  }
  const client: MerchantClient = {
    ...base,
    ...onboardingActions(base),
    ...orderActions(base),
    ...refundActions(base),
    ...notificationActions(
      base,
      notifications,
      isNotificationOperator(config.operator) ? config.operator : undefined,
    ),
    ...statementActions(base),
    ...campaignActions(base),
    ...transitActions(base),
    ...govActions(base, clientConfig),
  }
  // Input refused before sending is thrown by the actions themselves: they speak the locale too.
  return localiseMethods(client, clientConfig)
}

import { type ClientConfig, createBaseClient } from '@ecny/sdk-core'
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
  const { merchantId, notifications, ...clientConfig } = config
  const transport = createBaseClient(clientConfig)
  // An operator (e.g. cmb()) gets the same actions; refunds there name the order's amount.
  const base: MerchantBaseClient = {
    ...(config.operator ? withRefundOrderAmount(transport) : transport),
    merchantId,
  }
  return {
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
    ...govActions(base),
  }
}

/**
 * `@ecny/sdk-merchant/notifications`: notification verification alone, for edge runtimes (Next.js
 * route handlers on the edge, Cloudflare Workers, Deno, Hono) — no Node built-ins in its graph.
 * The main entry has the same names, plus everything that needs Node.
 */
export {
  ackNotification,
  ackNotificationResponse,
  type NotificationAck,
  notificationAckBody,
} from '../notifications/ack.js'
export {
  createFetchNotificationHandler,
  type FetchNotificationHandler,
} from '../notifications/adapters/createFetchNotificationHandler.js'
export {
  createFetchNotificationVerifier,
  type FetchNotificationVerifier,
} from '../notifications/adapters/createFetchNotificationVerifier.js'
export type { JSONWebKeySetLike } from '../notifications/gatewayKeys.js'
export {
  handleNotification,
  type NotificationAnswer,
  type NotificationEventHandler,
  type NotificationHandlerOptions,
} from '../notifications/handleNotification.js'
export type { HeadersInput } from '../notifications/headers.js'
export type {
  MerchantNotificationEvent,
  MerchantNotificationType,
} from '../notifications/notificationEvent.js'
export type { NotificationOperator } from '../notifications/notificationOperator.js'
export type { RawBody } from '../notifications/rawBody.js'
export {
  createMemoryReplayStore,
  type MemoryReplayStore,
  type MemoryReplayStoreOptions,
  type ReplayClaim,
  type ReplayStore,
} from '../notifications/replayStore.js'
export {
  defaultClaimTtlSeconds,
  defaultReplayTtlSeconds,
  type NotificationStoreOptions,
  notificationSignatureType,
  type VerifyNotificationOptions,
  verifyNotification,
} from '../notifications/verifyNotification.js'

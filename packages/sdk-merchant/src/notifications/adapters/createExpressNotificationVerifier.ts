import type { MerchantNotificationEvent } from '../notificationEvent.js'
import {
  contextFromOptions,
  type NotificationVerifierContext,
  type VerifyNotificationOptions,
  verifyWithContext,
} from '../verifyNotification.js'
import { defaultMaxNotificationBytes, type NodeRequestLike, readNodeBody } from './readNodeBody.js'

/**
 * An Express request as the adapter needs it (structural: Express is not a dependency). With
 * `express.raw({ type: 'application/json' })` on the route, `body` is a `Buffer` of the raw bytes.
 */
export type ExpressRequestLike = NodeRequestLike

export type ExpressNotificationVerifierOptions = VerifyNotificationOptions & { maxBodyBytes?: number }

export type ExpressNotificationVerifier = (req: ExpressRequestLike) => Promise<MerchantNotificationEvent>

/** @internal */
export function expressVerifierFromContext(
  context: NotificationVerifierContext,
  maxBodyBytes?: number,
): ExpressNotificationVerifier {
  return async (req) =>
    verifyWithContext(
      context,
      await readNodeBody(req, 'express', maxBodyBytes ?? defaultMaxNotificationBytes),
      req.headers,
      'express',
    )
}

/**
 * A notification verifier for Express: `(req) => event`. Mount `express.raw({ type:
 * 'application/json' })` on the route so `req.body` stays the raw `Buffer`; if `express.json()` got
 * there first, it throws `body_already_parsed` explaining the fix. Without any body parser it reads
 * the raw body from the request itself.
 * Like `verifyNotification` it records the event as handled when it returns (at most once): to apply
 * each event at least once — released and retried when your code throws — use
 * `createExpressNotificationHandler` instead, which claims the id, runs your handler and commits only on success.
 *
 * @example
 * // Prefer the handler: claim → handle → commit, release and answer 500 when handle throws.
 * const receive = createExpressNotificationHandler({
 *   gatewayKeys: jwksUrl,
 *   handle: async (event) => {
 *     if (event.type === 'order.succeeded') await markPaid(event.data.merchantOrderNo)
 *   },
 * })
 * app.post('/ecny/notify', express.raw({ type: 'application/json' }), (req, res) => void receive(req, res))
 *
 * // The verifier alone, with de-duplication in your own transaction (replayStore: false):
 * const verify = createExpressNotificationVerifier({ gatewayKeys: jwksUrl, replayStore: false })
 * const event = await verify(req) // then apply it idempotently, keyed by event.id
 */
export function createExpressNotificationVerifier(
  options: ExpressNotificationVerifierOptions,
): ExpressNotificationVerifier {
  return expressVerifierFromContext(contextFromOptions(options), options.maxBodyBytes)
}

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
 *
 * @example
 * const verify = createExpressNotificationVerifier({ gatewayKeys: jwksUrl })
 * app.post('/ecny/notify', express.raw({ type: 'application/json' }), async (req, res) => {
 *   const event = await verify(req)
 *   if (event.type === 'order.succeeded') await markPaid(event.data.merchantOrderNo)
 *   const ack = ackNotification()
 *   res.status(ack.status).type('json').send(ack.body)
 * })
 */
export function createExpressNotificationVerifier(
  options: ExpressNotificationVerifierOptions,
): ExpressNotificationVerifier {
  return expressVerifierFromContext(contextFromOptions(options), options.maxBodyBytes)
}

import type { MerchantNotificationEvent } from '../notificationEvent.js'
import {
  contextFromOptions,
  type NotificationVerifierContext,
  type VerifyNotificationOptions,
  verifyWithContext,
} from '../verifyNotification.js'
import { defaultMaxNotificationBytes, type NodeRequestLike, readNodeBody } from './readNodeBody.js'

export type NodeNotificationVerifierOptions = VerifyNotificationOptions & {
  /** Largest body read. Default 1 MiB. */
  maxBodyBytes?: number
}

/** Verifies a notification arriving on a Node `http` request (reads the raw body itself). */
export type NodeNotificationVerifier = (req: NodeRequestLike) => Promise<MerchantNotificationEvent>

/** @internal Builds the verifier from an already resolved context (used by the client). */
export function nodeVerifierFromContext(
  context: NotificationVerifierContext,
  maxBodyBytes?: number,
): NodeNotificationVerifier {
  return async (req) =>
    verifyWithContext(
      context,
      await readNodeBody(req, 'node', maxBodyBytes ?? defaultMaxNotificationBytes),
      req.headers,
      'node',
    )
}

/**
 * A notification verifier for Node's `http` server (and anything built on `IncomingMessage` that
 * leaves the body unread): `(req) => event`. It reads the raw body, then runs `verifyNotification`.
 *
 * @example
 * import { createServer } from 'node:http'
 * const verify = createNodeNotificationVerifier({ gatewayKeys: jwksUrl })
 * createServer(async (req, res) => {
 *   try {
 *     const event = await verify(req)
 *     await handle(event)
 *   } catch (error) {
 *     if (!(error instanceof EcnyError) || error.code !== 'notification_replayed') {
 *       res.writeHead(400).end()
 *       return
 *     }
 *   }
 *   const ack = ackNotification()
 *   res.writeHead(ack.status, ack.headers).end(ack.body)
 * }).listen(3000)
 */
export function createNodeNotificationVerifier(
  options: NodeNotificationVerifierOptions,
): NodeNotificationVerifier {
  return nodeVerifierFromContext(contextFromOptions(options), options.maxBodyBytes)
}

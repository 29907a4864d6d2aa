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
 * Like `verifyNotification` it records the event as handled when it returns (at most once): to apply
 * each event at least once — released and retried when your code throws — use
 * `createNodeNotificationHandler` instead, which claims the id, runs your handler and commits only on success.
 *
 * @example
 * import { createServer } from 'node:http'
 * // Prefer the handler: claim → handle → commit, release and answer 500 when handle throws.
 * const receive = createNodeNotificationHandler({ gatewayKeys: jwksUrl, handle: applyEvent })
 * createServer((req, res) => void receive(req, res)).listen(3000)
 *
 * // The verifier alone, with de-duplication in your own transaction (replayStore: false):
 * const verify = createNodeNotificationVerifier({ gatewayKeys: jwksUrl, replayStore: false })
 * const event = await verify(req) // then apply it idempotently, keyed by event.id
 */
export function createNodeNotificationVerifier(
  options: NodeNotificationVerifierOptions,
): NodeNotificationVerifier {
  return nodeVerifierFromContext(contextFromOptions(options), options.maxBodyBytes)
}

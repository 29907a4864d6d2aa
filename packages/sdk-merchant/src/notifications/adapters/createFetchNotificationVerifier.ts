import type { MerchantNotificationEvent } from '../notificationEvent.js'
import { bodyAlreadyParsed } from '../rawBody.js'
import {
  contextFromOptions,
  type NotificationVerifierContext,
  type VerifyNotificationOptions,
  verifyWithContext,
} from '../verifyNotification.js'

/** Verifies a notification arriving as a Fetch API `Request`. */
export type FetchNotificationVerifier = (request: Request) => Promise<MerchantNotificationEvent>

/** @internal */
export function fetchVerifierFromContext(context: NotificationVerifierContext): FetchNotificationVerifier {
  return async (request) => {
    if (request.bodyUsed) throw bodyAlreadyParsed('a Request whose body was already read', 'fetch')
    const body = new Uint8Array(await request.arrayBuffer())
    return verifyWithContext(context, body, request.headers, 'fetch')
  }
}

/**
 * A notification verifier for the Fetch API: `(request) => event`, for Next.js route handlers, Hono,
 * Cloudflare Workers, Deno and Bun. Uses no Node built-ins. Pass the untouched `Request`.
 * Like `verifyNotification` it records the event as handled when it returns (at most once): to apply
 * each event at least once — released and retried when your code throws — use
 * `createFetchNotificationHandler` instead, which claims the id, runs your handler and commits only on success.
 *
 * @example
 * // Hono — prefer the handler: a throwing handle answers 500 and the gateway's retry applies it.
 * const receive = createFetchNotificationHandler({ gatewayKeys: jwksUrl, handle: applyEvent })
 * app.post('/ecny/notify', (c) => receive(c.req.raw))
 *
 * // The verifier alone, with de-duplication in your own transaction (replayStore: false):
 * const verify = createFetchNotificationVerifier({ gatewayKeys: jwksUrl, replayStore: false })
 * const event = await verify(request) // then apply it idempotently, keyed by event.id
 */
export function createFetchNotificationVerifier(
  options: VerifyNotificationOptions,
): FetchNotificationVerifier {
  return fetchVerifierFromContext(contextFromOptions(options))
}

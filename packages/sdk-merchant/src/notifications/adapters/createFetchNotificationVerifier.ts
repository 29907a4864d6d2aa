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
 *
 * @example
 * // Hono
 * const verify = createFetchNotificationVerifier({ gatewayKeys: jwksUrl })
 * app.post('/ecny/notify', async (c) => {
 *   const event = await verify(c.req.raw)
 *   await handle(event)
 *   return ackNotificationResponse()
 * })
 */
export function createFetchNotificationVerifier(
  options: VerifyNotificationOptions,
): FetchNotificationVerifier {
  return fetchVerifierFromContext(contextFromOptions(options))
}

import {
  answerWithContext,
  type NotificationAnswer,
  type NotificationHandlerOptions,
} from '../handleNotification.js'
import { bodyAlreadyParsed } from '../rawBody.js'
import {
  contextFromOptions,
  type NotificationVerifierContext,
  type VerifyNotificationOptions,
} from '../verifyNotification.js'

/** Receives one notification as a Fetch API `Request` and answers it. Never rejects. */
export type FetchNotificationHandler = (request: Request) => Promise<Response>

/** @internal Builds the handler from an already resolved context (used by the client). */
export function fetchHandlerFromContext(
  context: NotificationVerifierContext,
  options: NotificationHandlerOptions,
): FetchNotificationHandler {
  return async (request) => {
    const read = async () => {
      if (request.bodyUsed) throw bodyAlreadyParsed('a Request whose body was already read', 'fetch')
      return new Uint8Array(await request.arrayBuffer())
    }
    const reply: NotificationAnswer = await answerWithContext(
      context,
      read,
      request.headers,
      'fetch',
      options,
    )
    return new Response(reply.body, { status: reply.status, headers: reply.headers })
  }
}

/**
 * A notification endpoint for the Fetch API (Next.js route handlers, Hono, Cloudflare Workers, Deno,
 * Bun): `(request) => Response`. Verifies, claims the event id, runs `handle`, commits the id when it
 * returns and answers 200 `{"code":"SUCCESS"}`; when `handle` throws it releases the id and answers
 * 500, so the gateway's retry applies the event (see `createNodeNotificationHandler` for every answer).
 *
 * @example
 * // Next.js (app/api/ecny/notify/route.ts)
 * export const POST = createFetchNotificationHandler({
 *   gatewayKeys: 'https://gateway.ecny-sdk.dev/.well-known/jwks.json',
 *   handle: async (event) => {
 *     if (event.type === 'order.succeeded') await markPaid(event.data.merchantOrderNo)
 *   },
 * })
 */
export function createFetchNotificationHandler(
  options: VerifyNotificationOptions & NotificationHandlerOptions,
): FetchNotificationHandler {
  return fetchHandlerFromContext(contextFromOptions(options), options)
}

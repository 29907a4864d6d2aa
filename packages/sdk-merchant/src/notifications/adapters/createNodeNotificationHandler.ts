import {
  answerWithContext,
  type NotificationAnswer,
  type NotificationHandlerOptions,
} from '../handleNotification.js'
import type { BodySource } from '../rawBody.js'
import {
  contextFromOptions,
  type NotificationVerifierContext,
  type VerifyNotificationOptions,
} from '../verifyNotification.js'
import { defaultMaxNotificationBytes, type NodeRequestLike, readNodeBody } from './readNodeBody.js'

/** A Node `ServerResponse` (or Express `res`) as the handlers need it (structural). */
export type NodeResponseLike = {
  writeHead(status: number, headers: Record<string, string>): unknown
  end(body: string): unknown
}

export type NodeNotificationHandlerOptions = VerifyNotificationOptions &
  NotificationHandlerOptions & {
    /** Largest body read. Default 1 MiB. */
    maxBodyBytes?: number
  }

/** Receives one notification on a Node or Express request and answers it. Never rejects. */
export type NodeNotificationHandler = (
  req: NodeRequestLike,
  res: NodeResponseLike,
) => Promise<NotificationAnswer>

/** @internal Builds the handler from an already resolved context (used by the client). */
export function nodeHandlerFromContext(
  context: NotificationVerifierContext,
  options: NotificationHandlerOptions & { maxBodyBytes?: number | undefined },
  source: BodySource = 'node',
): NodeNotificationHandler {
  const limit = options.maxBodyBytes ?? defaultMaxNotificationBytes
  return async (req, res) => {
    const reply = await answerWithContext(
      context,
      () => readNodeBody(req, source, limit),
      req.headers,
      source,
      options,
    )
    res.writeHead(reply.status, reply.headers)
    res.end(reply.body)
    return reply
  }
}

/**
 * A notification endpoint for Node's `http` server: `(req, res)` reads the raw body, verifies it,
 * claims the event id, runs `handle`, and answers — 200 `{"code":"SUCCESS"}` once `handle` returned
 * (the id is committed) or for a duplicate of a handled event; 500 when `handle` threw (the id is
 * released, so the gateway's retry applies it); 409 while another delivery of it is being handled;
 * 400/413 for anything not genuine. At least once, and exactly once for a handler that succeeds.
 *
 * @example
 * import { createServer } from 'node:http'
 * const receive = createNodeNotificationHandler({
 *   gatewayKeys: jwksUrl,
 *   handle: async (event) => {
 *     if (event.type === 'order.succeeded') await db.markPaid(event.data.merchantOrderNo) // throws → retried
 *   },
 * })
 * createServer((req, res) => void receive(req, res)).listen(3000)
 */
export function createNodeNotificationHandler(
  options: NodeNotificationHandlerOptions,
): NodeNotificationHandler {
  return nodeHandlerFromContext(contextFromOptions(options), options, 'node')
}

/**
 * {@link createNodeNotificationHandler} for Express: mount `express.raw({ type: 'application/json' })`
 * on the route so `req.body` stays the raw `Buffer` (after `express.json()` every delivery answers
 * 400 `body_already_parsed`); without any body parser it reads the request itself.
 *
 * @example
 * const receive = createExpressNotificationHandler({ gatewayKeys: jwksUrl, handle: applyEvent })
 * app.post('/ecny/notify', express.raw({ type: 'application/json' }), (req, res) => void receive(req, res))
 */
export function createExpressNotificationHandler(
  options: NodeNotificationHandlerOptions,
): NodeNotificationHandler {
  return nodeHandlerFromContext(contextFromOptions(options), options, 'express')
}

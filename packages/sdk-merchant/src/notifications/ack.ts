import { notificationAck } from '@ecny/protocol'

/** The body the gateway expects from a receiver that handled a notification. */
export const notificationAckBody = JSON.stringify(notificationAck)

export type NotificationAck = { status: 200; headers: { 'content-type': 'application/json' }; body: string }

/**
 * What to answer once a notification is handled (or recognised as a duplicate): HTTP 200 with
 * `{"code":"SUCCESS"}`. Anything else makes the gateway retry on its schedule.
 *
 * @example
 * const ack = ackNotification()
 * res.writeHead(ack.status, ack.headers).end(ack.body) // node:http
 * res.status(ack.status).type('json').send(ack.body) // Express
 */
export function ackNotification(): NotificationAck {
  return { status: 200, headers: { 'content-type': 'application/json' }, body: notificationAckBody }
}

/**
 * {@link ackNotification} as a Fetch API `Response`, for Next.js route handlers, Hono, Cloudflare
 * Workers and other edge runtimes.
 *
 * @example
 * return ackNotificationResponse()
 */
export function ackNotificationResponse(): Response {
  const ack = ackNotification()
  return new Response(ack.body, { status: ack.status, headers: ack.headers })
}

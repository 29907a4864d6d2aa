import * as z from 'zod/mini'
import { timestamp } from './common.js'
import { merchant } from './merchants.js'
import { order, refund } from './orders.js'

export const notificationTypes = [
  'order.succeeded',
  'order.failed',
  'order.closed',
  'refund.succeeded',
  'refund.failed',
  'merchant.approved',
  'merchant.rejected',
] as const
export type NotificationType = (typeof notificationTypes)[number]

const envelope = { id: z.string(), createdAt: timestamp, attempt: z.optional(z.number()) }

/** A gateway notification. Unknown event types arrive as `{ type: string, data: unknown }`. */
export const notificationEvent = z.union([
  z.looseObject({
    ...envelope,
    type: z.enum(['order.succeeded', 'order.failed', 'order.closed']),
    data: order,
  }),
  z.looseObject({ ...envelope, type: z.enum(['refund.succeeded', 'refund.failed']), data: refund }),
  z.looseObject({ ...envelope, type: z.enum(['merchant.approved', 'merchant.rejected']), data: merchant }),
  z.looseObject({ ...envelope, type: z.string(), data: z.unknown() }),
])
export type NotificationEvent = z.infer<typeof notificationEvent>

/** The envelope of every notification, as the gateway writes it (the body it signs). */
export type NotificationEnvelope<Data = unknown> = {
  id: string
  type: NotificationType
  createdAt: string
  /** 1 for the first delivery, counting up on each retry. */
  attempt: number
  data: Data
}

/**
 * Writes a notification body in the envelope's field order, so the gateway's bytes are predictable.
 *
 * @example
 * const body = notificationBody({ id: 'evt_1', type: 'order.succeeded', createdAt, attempt: 1, data: order })
 */
export function notificationBody<Data>(envelope: NotificationEnvelope<Data>): string {
  const { id, type, createdAt, attempt, data } = envelope
  return JSON.stringify({ id, type, createdAt, attempt, data })
}

/** The body a merchant answers (with a 2xx) to stop the retries. */
export const notificationAck = { code: 'SUCCESS' } as const

/** True when an answer body acknowledges the notification. */
export function isNotificationAck(text: string): boolean {
  try {
    return (JSON.parse(text) as { code?: unknown } | null)?.code === notificationAck.code
  } catch {
    return false
  }
}

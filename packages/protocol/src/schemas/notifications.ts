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

/** Responses of the test-mode controls. */
import * as z from 'zod/mini'
import { timestamp } from './common.js'
import { order } from './orders.js'

export const testClock = z.looseObject({
  /** The rails' time, ISO 8601 with offset (+08:00). */
  now: timestamp,
  /** `system`: follows the machine's clock plus the advances; `manual`: moves only when told. */
  mode: z.enum(['manual', 'system']),
  /** Seconds the rails are ahead of the machine's clock. */
  offsetSeconds: z.number(),
  /** Notifications due for delivery at the new time. */
  notificationsDue: z.number(),
})

export const testTrigger = z.looseObject({
  action: z.string(),
  order,
  /** The wallet that paid (`pay`), else `null`. */
  walletId: z.nullable(z.string()),
})

export const testNotificationAttempt = z.looseObject({
  attempt: z.number(),
  at: timestamp,
  httpStatus: z.nullable(z.number()),
  ok: z.boolean(),
  error: z.nullable(z.string()),
  /** True when the attempt was a delivery forwarded by `ecny listen`. */
  forwarded: z.optional(z.boolean()),
})

export const testNotification = z.looseObject({
  id: z.string(),
  type: z.string(),
  url: z.nullable(z.string()),
  status: z.string(),
  createdAt: timestamp,
  nextAttemptAt: z.nullable(timestamp),
  attempts: z.array(testNotificationAttempt),
  data: z.unknown(),
})

export const testNotificationList = z.looseObject({
  data: z.array(testNotification),
  nextCursor: z.nullable(z.string()),
})

/** A delivery handed to a forwarder: the exact bytes and headers the gateway would POST. */
export const claimedDelivery = z.looseObject({
  id: z.string(),
  type: z.string(),
  attempt: z.number(),
  /** Where the gateway itself would send it (the order's or merchant's notifyUrl). */
  url: z.nullable(z.string()),
  /** The signed body, byte for byte (UTF-8). */
  body: z.string(),
  /** `content-type`, `ecny-signature`, `ecny-notification-id`: send them as they are. */
  headers: z.record(z.string(), z.string()),
})

export const claimedDeliveries = z.looseObject({ data: z.array(claimedDelivery) })

const faultSettingsOut = z.looseObject({
  latencyMs: z.optional(z.number()),
  rate5xx: z.optional(z.number()),
  rate429: z.optional(z.number()),
  dropAfterCommit: z.optional(z.number()),
  dropEveryAnswer: z.optional(z.number()),
  duplicateNotifications: z.optional(z.number()),
  reorderNotifications: z.optional(z.number()),
})

export const testFaults = z.looseObject({
  ...faultSettingsOut.shape,
  routes: z.optional(z.record(z.string(), faultSettingsOut)),
})

export const ledgerVerification = z.looseObject({
  /** True when every account sums to zero and no wallet is negative. */
  ok: z.boolean(),
  /** Sum of every account in fen: 0 when the books balance. */
  total: z.number(),
  negativeAccounts: z.array(z.string()),
  entryCount: z.number(),
})

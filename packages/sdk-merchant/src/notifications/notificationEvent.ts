import { merchant, order, refund } from '@ecny/protocol'
import { createEcnyError, type EcnyError, type Merchant, type Order, type Refund } from '@ecny/sdk-core'
import { z } from '@ecny/sdk-core/internal'

type Envelope = {
  /** The event id: the same on every delivery attempt, so use it to de-duplicate. */
  id: string
  /** When the event happened (ISO 8601 with offset). */
  createdAt: string
  /** Which delivery attempt this is (1 = first). */
  attempt?: number | undefined
}

/**
 * A verified gateway notification. Narrow on `type`; an event type this SDK version does not know
 * arrives as `type: 'unknown'` with its `originalType` and untyped `data` (acknowledge it).
 */
export type MerchantNotificationEvent =
  | (Envelope & { type: 'order.succeeded' | 'order.failed' | 'order.closed'; data: Order })
  | (Envelope & { type: 'refund.succeeded' | 'refund.failed'; data: Refund })
  | (Envelope & { type: 'merchant.approved' | 'merchant.rejected'; data: Merchant })
  | (Envelope & { type: 'unknown'; originalType: string; data: unknown })

export type MerchantNotificationType = Exclude<MerchantNotificationEvent['type'], 'unknown'>

const envelope = z.looseObject({
  id: z.string().check(z.minLength(1)),
  type: z.string(),
  createdAt: z.string(),
  attempt: z.optional(z.number()),
  data: z.unknown(),
})

const dataSchemas: Record<MerchantNotificationType, z.ZodMiniType> = {
  'order.succeeded': order,
  'order.failed': order,
  'order.closed': order,
  'refund.succeeded': refund,
  'refund.failed': refund,
  'merchant.approved': merchant,
  'merchant.rejected': merchant,
}

function malformed(problem: string, eventId?: string): EcnyError {
  return createEcnyError('invalid_response', `The notification is signed but malformed: ${problem}.`, {
    hint: 'Answer with an error status so the gateway retries, and report the event id.',
    details: eventId ? { eventId } : {},
  })
}

/** Parses verified JSON into the typed event union (protocol `notificationEvent`). */
export function toNotificationEvent(json: unknown): MerchantNotificationEvent {
  const parsed = z.safeParse(envelope, json)
  if (!parsed.success) throw malformed('it is not an event envelope {id, type, createdAt, data}')
  const { id, type, createdAt, attempt, data } = parsed.data
  const base = { id, createdAt, ...(attempt !== undefined && { attempt }) }
  const schema = Object.hasOwn(dataSchemas, type) ? dataSchemas[type as MerchantNotificationType] : undefined
  if (!schema) return { ...base, type: 'unknown', originalType: type, data }
  const typed = z.safeParse(schema, data)
  if (!typed.success) throw malformed(`its data is not a valid ${type.split('.')[0]}`, id)
  return { ...base, type, data: typed.data } as MerchantNotificationEvent
}

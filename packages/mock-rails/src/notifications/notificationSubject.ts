import type { EngineEvent } from '../engine/engineContext.js'
import { merchantToWire, orderToWire, refundToWire } from '../engine/toWire.js'
import type { MerchantRecord, MerchantStore } from '../state/merchantStore.js'
import type { OrderRecord, RefundRecord } from '../state/records.js'

/** What a notification is about, as it was when the event happened. */
export type NotificationSubject = { order: OrderRecord; refund?: RefundRecord } | { merchant: MerchantRecord }

/** A copy of the event's records, so later changes do not alter what the notification says. */
export function subjectOf(event: EngineEvent): NotificationSubject {
  if ('merchant' in event) return { merchant: structuredClone(event.merchant) }
  if ('refund' in event) return { order: { ...event.order }, refund: { ...event.refund } }
  return { order: { ...event.order } }
}

/**
 * Where the notification goes: a merchant review to the application's `notifyUrl`; an order or
 * refund event to the order's `notifyUrl`, else the merchant's. `null`: nowhere to send it.
 */
export function subjectUrl(subject: NotificationSubject, merchants: MerchantStore): string | null {
  if ('merchant' in subject) return subject.merchant.notifyUrl
  return subject.order.notifyUrl ?? merchants.get(subject.order.merchantId)?.notifyUrl ?? null
}

/** The notification's `data`: the merchant, the refund or the order, in protocol shape. */
export function subjectToWire(subject: NotificationSubject) {
  if ('merchant' in subject) return merchantToWire(subject.merchant)
  return subject.refund ? refundToWire(subject.refund) : orderToWire(subject.order)
}

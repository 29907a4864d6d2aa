import type { MerchantNotificationEvent } from '@ecny/sdk-merchant/notifications'

/** The shop's own record of one order: what it would keep in its database. */
export type ShopOrder = {
  orderId: string
  merchantOrderNo: string
  amount: number
  /** `pending` until a verified notification says otherwise; never from what the browser says. */
  status: 'pending' | 'succeeded' | 'failed' | 'closed'
  paidAt?: string
  /** How many notifications changed this record: 1 once paid, however often the gateway delivered. */
  notificationsApplied: number
}

/** One verified delivery the route handler saw (duplicates included). */
export type Delivery = { eventId: string; type: string; orderId?: string; applied: boolean }

export type ShopBook = {
  add(order: Omit<ShopOrder, 'status' | 'notificationsApplied'>): void
  get(orderId: string): ShopOrder | undefined
  /** Applies an order event; `true` when it changed the record. */
  apply(event: MerchantNotificationEvent): boolean
  /** Records a delivery acknowledged without being applied (a duplicate the replay store caught). */
  noteDuplicate(eventId: string): void
  deliveries(): Delivery[]
}

const finalStatus = {
  'order.succeeded': 'succeeded',
  'order.failed': 'failed',
  'order.closed': 'closed',
} as const

/**
 * The shop's books, in memory for the example (a real shop: its database). Applying the same event
 * twice changes nothing, on top of the SDK's replay store.
 *
 * @example
 * const book = createShopBook()
 * book.add({ orderId, merchantOrderNo, amount: 1250 })
 * book.apply(event) // true the first time an order.succeeded arrives, false after
 */
export function createShopBook(): ShopBook {
  const orders = new Map<string, ShopOrder>()
  const seen: Delivery[] = []
  return {
    add: (order) => void orders.set(order.orderId, { ...order, status: 'pending', notificationsApplied: 0 }),
    get: (orderId) => {
      const order = orders.get(orderId)
      return order && { ...order }
    },
    apply(event) {
      if (
        event.type !== 'order.succeeded' &&
        event.type !== 'order.failed' &&
        event.type !== 'order.closed'
      ) {
        seen.push({ eventId: event.id, type: event.type, applied: false }) // refunds, reviews: nothing here
        return false
      }
      const order = orders.get(event.data.id)
      const applied = order !== undefined && order.status === 'pending'
      if (applied) {
        order.status = finalStatus[event.type]
        if (event.type === 'order.succeeded') order.paidAt = event.data.paidAt ?? new Date().toISOString()
        order.notificationsApplied++
      }
      seen.push({ eventId: event.id, type: event.type, orderId: event.data.id, applied })
      return applied
    },
    noteDuplicate(eventId) {
      const first = seen.find((delivery) => delivery.eventId === eventId)
      seen.push({
        eventId,
        type: 'duplicate',
        ...(first?.orderId && { orderId: first.orderId }),
        applied: false,
      })
    },
    deliveries: () => seen.map((delivery) => ({ ...delivery })),
  }
}

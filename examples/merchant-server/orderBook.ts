import type { MerchantRecord, MerchantStatus, Order } from '@ecny/sdk-merchant'

/** The shop's own record of one order: what it would keep in its database. */
export type ShopOrder = {
  merchantOrderNo: string
  /** The gateway's id, stored as soon as the create call answers. */
  orderId: string
  amount: number
  description: string
  /** `pending` until a verified notification (or a query) says otherwise. */
  status: MerchantStatus
  createdAt: string
  /** Set when the goods may ship: once, from the first `order.succeeded` notification. */
  paidAt?: string
  payerWalletId?: string | null
}

/**
 * The shop's own books, in memory for the example. A real shop keeps them in its database; what
 * matters is that the status changes only from verified notifications (or server-side queries),
 * never from what a browser says, and that applying the same event twice changes nothing.
 */
export type OrderBook = {
  add(order: ShopOrder): void
  get(merchantOrderNo: string): ShopOrder | undefined
  byOrderId(orderId: string): ShopOrder | undefined
  all(): ShopOrder[]
  /**
   * Applies a final order state from the gateway. Returns `true` when it changed the record, `false`
   * when the record already had it (a duplicate delivery) or the order is not ours.
   */
  applyFinalState(order: Order): boolean
  /** The records to reconcile, in the shape `reconcile` takes. */
  toMerchantRecords(): MerchantRecord[]
  /** How many times a notification actually changed a record (duplicates excluded). */
  readonly appliedCount: number
}

export function createOrderBook(): OrderBook {
  const byNo = new Map<string, ShopOrder>()
  const noById = new Map<string, string>()
  let appliedCount = 0
  return {
    add(order) {
      byNo.set(order.merchantOrderNo, order)
      noById.set(order.orderId, order.merchantOrderNo)
    },
    get: (merchantOrderNo) => byNo.get(merchantOrderNo),
    byOrderId(orderId) {
      const no = noById.get(orderId)
      return no === undefined ? undefined : byNo.get(no)
    },
    all: () => [...byNo.values()],
    applyFinalState(order) {
      const record = byNo.get(order.merchantOrderNo)
      if (!record || record.orderId !== order.id) return false
      const status: MerchantStatus =
        order.status === 'succeeded' ||
        order.status === 'refunded' ||
        order.status === 'partially_refunded' ||
        order.status === 'refunding'
          ? 'succeeded'
          : 'failed'
      if (record.status === status) return false
      record.status = status
      if (status === 'succeeded') {
        record.paidAt = order.paidAt ?? new Date().toISOString()
        record.payerWalletId = order.payerWalletId ?? null
      }
      appliedCount++
      return true
    },
    toMerchantRecords: () =>
      [...byNo.values()].map((order) => ({
        recordType: 'order' as const,
        merchantOrderNo: order.merchantOrderNo,
        orderId: order.orderId,
        amount: order.amount,
        status: order.status,
      })),
    get appliedCount() {
      return appliedCount
    },
  }
}

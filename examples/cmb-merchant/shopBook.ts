/** The shop's own record of an order: what it would keep in its database. */
export type ShopOrder = {
  merchantOrderNo: string
  amount: number
  description: string
  /** `pending` until a verified notification (or a query) says otherwise. */
  status: 'pending' | 'paid' | 'failed' | 'closed'
  refunds: ShopRefund[]
}

export type ShopRefund = {
  merchantRefundNo: string
  amount: number
  status: 'pending' | 'succeeded' | 'failed'
}

const orderStatusOf: Record<string, ShopOrder['status'] | undefined> = {
  succeeded: 'paid',
  partially_refunded: 'paid',
  refunded: 'paid',
  failed: 'failed',
  closed: 'closed',
  canceled: 'closed',
}

/**
 * The shop's books, in memory for the example. A record changes only from what CMB said (a verified
 * notification or a query), never from what a browser says, and applying the same result twice
 * changes nothing.
 */
export function createShopBook() {
  const orders = new Map<string, ShopOrder>()

  /** Applies a final state CMB reported; `true` when it changed the record. */
  function applyOrderState(merchantOrderNo: string, status: string): boolean {
    const order = orders.get(merchantOrderNo)
    const next = orderStatusOf[status]
    if (!order || !next || order.status !== 'pending') return false
    order.status = next
    return true
  }

  return {
    add(order: Omit<ShopOrder, 'status' | 'refunds'>): ShopOrder {
      const record: ShopOrder = { ...order, status: 'pending', refunds: [] }
      orders.set(order.merchantOrderNo, record)
      return record
    },
    get: (merchantOrderNo: string) => orders.get(merchantOrderNo),
    applyOrderState,
    /** Records a refund the shop asked for (or updates it with CMB's answer). */
    recordRefund(merchantOrderNo: string, refund: ShopRefund): void {
      const order = orders.get(merchantOrderNo)
      if (!order) return
      const known = order.refunds.find((r) => r.merchantRefundNo === refund.merchantRefundNo)
      if (!known) order.refunds.push(refund)
      else if (known.status === 'pending') known.status = refund.status
    },
    /** Applies a verified notification event; `true` when it changed a record. */
    apply(event: { type: string; data: unknown }): boolean {
      const data = event.data as {
        merchantOrderNo?: string
        merchantRefundNo?: string
        orderId?: string
        status?: string
      }
      if (event.type.startsWith('order.') && data.merchantOrderNo && data.status)
        return applyOrderState(data.merchantOrderNo, data.status)
      if ((event.type === 'refund.succeeded' || event.type === 'refund.failed') && data.orderId) {
        // Under CMB a refund's orderId is the merchant order number it refunds.
        const refund = orders
          .get(data.orderId)
          ?.refunds.find((r) => r.merchantRefundNo === data.merchantRefundNo)
        if (refund?.status !== 'pending') return false
        refund.status = event.type === 'refund.succeeded' ? 'succeeded' : 'failed'
        return true
      }
      return false
    },
  }
}

export type ShopBook = ReturnType<typeof createShopBook>

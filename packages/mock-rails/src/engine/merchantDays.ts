/**
 * The index behind daily statements: per merchant and Asia/Shanghai day, the orders created and the
 * refunds made, in the order they happened. Kept in the rails state, so snapshots carry it.
 */
import type { RailsState } from '../state/railsState.js'
import type { MerchantDayRecord, OrderRecord, RefundRecord } from '../state/records.js'
import { shanghaiDate } from '../support/shanghaiTime.js'

export type MerchantDay = {
  /** Orders created that day, oldest first, as they are now. */
  orders: OrderRecord[]
  /** Refunds made that day (of orders of any day), oldest first, with their order. */
  refunds: Array<{ refund: RefundRecord; order: OrderRecord }>
}

const keyOf = (merchantId: string, at: number) => `${merchantId}\u241f${shanghaiDate(at)}`

function dayRecord(state: RailsState, key: string): MerchantDayRecord {
  let record = state.merchantDays.get(key)
  if (!record) {
    record = { orderIds: [], refundIds: [] }
    state.merchantDays.set(key, record)
  }
  return record
}

export function noteOrderCreated(state: RailsState, order: OrderRecord): void {
  dayRecord(state, keyOf(order.merchantId, order.createdAt)).orderIds.push(order.id)
}

export function noteRefundCreated(state: RailsState, refund: RefundRecord, order: OrderRecord): void {
  dayRecord(state, keyOf(order.merchantId, refund.createdAt)).refundIds.push(refund.id)
}

/** What `merchantId` did on `date` (`YYYY-MM-DD`, Asia/Shanghai). */
export function merchantDay(state: RailsState, merchantId: string, date: string): MerchantDay {
  const record = state.merchantDays.get(`${merchantId}\u241f${date}`)
  if (!record) return { orders: [], refunds: [] }
  return {
    orders: record.orderIds.map((id) => state.orders.get(id)!),
    refunds: record.refundIds.map((id) => {
      const refund = state.refunds.get(id)!
      return { refund, order: state.orders.get(refund.orderId)! }
    }),
  }
}

/** Builds the index from the orders and refunds (for a snapshot saved before the index existed). */
export function indexMerchantDays(state: RailsState): void {
  state.merchantDays.clear()
  const byTime = <T extends { createdAt: number }>(items: Iterable<T>) =>
    [...items].sort((a, b) => a.createdAt - b.createdAt)
  for (const order of byTime(state.orders.values())) noteOrderCreated(state, order)
  for (const refund of byTime(state.refunds.values())) {
    noteRefundCreated(state, refund, state.orders.get(refund.orderId)!)
  }
}

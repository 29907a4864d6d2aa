import { merchantDay } from '../engine/merchantDays.js'
import type { RailsState } from '../state/railsState.js'
import type { OrderRecord } from '../state/records.js'
import { RailsError } from '../support/railsError.js'
import { shanghaiDate } from '../support/shanghaiTime.js'

/**
 * How the operator funds refunds: `settlement_balance` takes them from the merchant's settlement
 * wallet; `same_day_incoming` only from what the merchant took in that Asia/Shanghai day (CMB
 * `MCH_FORWARD_AMOUNT_LESS` / `MCH_EXSRFN_AMOUNT_LESS`).
 */
export type RefundFunding = 'settlement_balance' | 'same_day_incoming'

/** The operator-set refund rules of the rails (`createRails({ refunds })`). */
export type RefundRules = {
  /** Days after payment within which an order can be refunded. Default 365 (unconfirmed for e-CNY). */
  windowDays: number
  /** Default `settlement_balance`. */
  funding: RefundFunding
}

/** Unconfirmed for e-CNY (DOMAIN.md §3): a common acquirer window, configurable per rails. */
export const defaultRefundWindowDays = 365

export function refundRulesFrom(options: Partial<RefundRules> = {}): RefundRules {
  const windowDays = options.windowDays ?? defaultRefundWindowDays
  if (!Number.isInteger(windowDays) || windowDays < 0) {
    throw new TypeError(`refunds.windowDays must be a whole number of days ≥ 0, got ${windowDays}`)
  }
  return { windowDays, funding: options.funding ?? 'settlement_balance' }
}

const dayMs = 86_400_000

/** Refuses a refund of an order paid longer ago than the window: `refund_window_closed`. */
export function assertWithinRefundWindow(rules: RefundRules, order: OrderRecord, now: number): void {
  if (order.paidAt === null) return
  const closedAt = order.paidAt + rules.windowDays * dayMs
  if (now <= closedAt) return
  throw new RailsError(
    'refund_window_closed',
    `Order ${order.id} was paid on ${new Date(order.paidAt).toISOString()}; refunds close ${rules.windowDays} days after payment (${new Date(closedAt).toISOString()}). Give the money back outside the gateway.`,
    {
      orderId: order.id,
      paidAt: new Date(order.paidAt).toISOString(),
      windowDays: rules.windowDays,
      closedAt: new Date(closedAt).toISOString(),
    },
  )
}

/**
 * What the merchant took in today and has not refunded: the orders of today paid (and not reversed)
 * today, less today's succeeded refunds.
 */
export function incomingToday(state: RailsState, merchantId: string, now: number): number {
  const today = shanghaiDate(now)
  const day = merchantDay(state, merchantId, today)
  let incoming = 0
  for (const order of day.orders) {
    if (order.paidAt === null || order.status === 'canceled' || shanghaiDate(order.paidAt) !== today) continue
    incoming += order.amount
  }
  for (const { refund } of day.refunds) if (refund.status === 'succeeded') incoming -= refund.amount
  return incoming
}

/**
 * Under `same_day_incoming` funding, refuses a refund larger than today's incoming with the retryable
 * `refund_funding_insufficient`; nothing is recorded, so the same refund number works later.
 */
export function assertRefundFunded(
  rules: RefundRules,
  state: RailsState,
  order: OrderRecord,
  amount: number,
  now: number,
): void {
  if (rules.funding !== 'same_day_incoming') return
  const incoming = incomingToday(state, order.merchantId, now)
  if (amount <= incoming) return
  throw new RailsError(
    'refund_funding_insufficient',
    `Refunds are funded from today's incoming payments: ${incoming} fen came in today (net of refunds), ${amount} fen asked. Nothing was refunded; retry the same refund number later today or on a later day.`,
    { orderId: order.id, amount, incomingToday: incoming, operatorCode: 'MCH_FORWARD_AMOUNT_LESS' },
  )
}

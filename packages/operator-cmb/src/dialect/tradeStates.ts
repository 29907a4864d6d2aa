import type { OrderStatus } from '@ecny/protocol'

/** CMB's `tradeState` letters (appendix) and the order states they mean. */
export const cmbTradeStates = {
  P: 'processing',
  S: 'succeeded',
  F: 'failed',
  C: 'closed',
  D: 'canceled',
} as const satisfies Record<string, OrderStatus>

export type CmbTradeState = keyof typeof cmbTradeStates

/**
 * Our order status for CMB's `tradeState`; a letter CMB adds later is `unknown`, not an error.
 *
 * @example
 * orderStatusOf('D') // 'canceled'
 */
export function orderStatusOf(tradeState: unknown): OrderStatus {
  return typeof tradeState === 'string' && Object.hasOwn(cmbTradeStates, tradeState)
    ? cmbTradeStates[tradeState as CmbTradeState]
    : 'unknown'
}

/** The letter for one of our states (the simulator answers with it); `P` for anything still open. */
export function tradeStateOf(status: string): CmbTradeState {
  const found = (Object.keys(cmbTradeStates) as CmbTradeState[]).find((k) => cmbTradeStates[k] === status)
  if (found) return found
  return status === 'partially_refunded' || status === 'refunded' || status === 'refunding' ? 'S' : 'P'
}

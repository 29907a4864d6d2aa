import type { orderStatuses } from '@ecny/protocol'
import { defineStateMachine } from '../../support/stateMachine.js'

/** The order statuses of the protocol: the state machine below is over exactly these. */
export type OrderState = (typeof orderStatuses)[number]

/**
 * The order lifecycle (CMB `tradeState`). `processing` is the instant a charge is being applied;
 * refunds in the simulator settle at once, so `refunding` is legal but only a future asynchronous
 * refund would make it visible. A `created` order expires to `closed` by the rails clock. Only an
 * unpaid order closes; `succeeded → canceled` (reversal) is further limited to customer-presented-code
 * payments with no refunds (`orders/reversalRule.ts`, CMB appendices 3–4).
 */
export const orderStateMachine = defineStateMachine<OrderState>('order', {
  created: ['processing', 'closed'],
  processing: ['succeeded', 'failed'],
  succeeded: ['refunding', 'partially_refunded', 'refunded', 'canceled'],
  refunding: ['partially_refunded', 'refunded', 'succeeded'],
  partially_refunded: ['refunding', 'partially_refunded', 'refunded'],
  failed: [],
  closed: [],
  canceled: [],
  refunded: [],
})

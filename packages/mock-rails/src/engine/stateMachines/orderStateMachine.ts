import { defineStateMachine } from '../../support/stateMachine.js'

export type OrderState =
  | 'created'
  | 'processing'
  | 'succeeded'
  | 'failed'
  | 'closed'
  | 'canceled'
  | 'refunding'
  | 'partially_refunded'
  | 'refunded'

/**
 * The order lifecycle (CMB `tradeState`). `processing` is the instant a charge is being applied;
 * refunds in the simulator settle at once, so `refunding` is legal but only a future asynchronous
 * refund would make it visible. A `created` order expires to `closed` by the rails clock.
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

import type { refundStatuses } from '@ecny/protocol'
import { defineStateMachine } from '../../support/stateMachine.js'

export type RefundState = (typeof refundStatuses)[number]

/** A refund is `processing` while money moves back, then `succeeded` or `failed` for good. */
export const refundStateMachine = defineStateMachine<RefundState>('refund', {
  processing: ['succeeded', 'failed'],
  succeeded: [],
  failed: [],
})

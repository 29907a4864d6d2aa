import { defineStateMachine } from '../../support/stateMachine.js'

export type PaymentCodeState = 'active' | 'used' | 'expired'

/** A payment code is used once, or expires (by time, or when the wallet asks for a newer code). */
export const paymentCodeStateMachine = defineStateMachine<PaymentCodeState>('payment code', {
  active: ['used', 'expired'],
  used: [],
  expired: [],
})

import { defineStateMachine } from '../../support/stateMachine.js'

export type SubWalletState = 'active' | 'revoked'

/** The holder may revoke a pushed sub-wallet; a revoked one is never charged again. */
export const subWalletStateMachine = defineStateMachine<SubWalletState>('sub-wallet', {
  active: ['revoked'],
  revoked: [],
})

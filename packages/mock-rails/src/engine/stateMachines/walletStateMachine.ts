import { defineStateMachine } from '../../support/stateMachine.js'

export type WalletState = 'active' | 'closed'

/** A wallet is open until closed with a zero balance; a closed wallet refuses everything. */
export const walletStateMachine = defineStateMachine<WalletState>('wallet', {
  active: ['closed'],
  closed: [],
})

import type { EngineContext } from '../engine/engineContext.js'
import { subWalletStateMachine } from '../engine/stateMachines/subWalletStateMachine.js'
import { subWalletToWire } from '../engine/toWire.js'
import { getSubWalletRecord } from './getSubWalletRecord.js'

/** The holder takes a sub-wallet back; charges then fail with `sub_wallet_revoked`. */
export function revokeSubWallet(ctx: EngineContext, subWalletId: string) {
  const sub = getSubWalletRecord(ctx, subWalletId)
  subWalletStateMachine.assert(sub.status, 'revoked')
  sub.status = 'revoked'
  sub.revokedAt = ctx.clock.now()
  return subWalletToWire(sub)
}

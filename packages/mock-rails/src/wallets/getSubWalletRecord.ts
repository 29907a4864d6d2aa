import type { EngineContext } from '../engine/engineContext.js'
import type { SubWalletRecord } from '../state/records.js'
import { maskWalletId } from '../support/mask.js'
import { notFound } from '../support/railsError.js'

/** The sub-wallet record, or `not_found` (its id masked in the message). */
export function getSubWalletRecord(ctx: EngineContext, subWalletId: string): SubWalletRecord {
  const sub = ctx.state.subWallets.get(subWalletId)
  if (!sub) throw notFound('sub-wallet', maskWalletId(subWalletId))
  return sub
}

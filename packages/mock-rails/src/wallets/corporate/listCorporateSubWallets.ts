import type { EngineContext } from '../../engine/engineContext.js'
import { requireCorporateParent } from './corporateUnitGuards.js'
import { corporateUnitToWire } from './corporateUnitToWire.js'

/** A corporate wallet's WT10 sub-wallets, oldest first, each with its balance and spend today. */
export function listCorporateSubWallets(ctx: EngineContext, parentWalletId: string) {
  const parent = requireCorporateParent(ctx, parentWalletId)
  const data = [...ctx.state.wallets.values()]
    .filter((wallet) => wallet.corporateUnit?.parentWalletId === parent.id)
    .map((unit) => corporateUnitToWire(ctx, unit))
  return { data, nextCursor: null }
}

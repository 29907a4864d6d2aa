import type { CoreContext } from '../../engine/engineContext.js'
import { currentUsage } from '../../engine/usage.js'
import { balanceOf } from '../../engine/walletGuards.js'
import type { WalletRecord } from '../../state/records.js'
import { formatTimestamp } from '../../support/shanghaiTime.js'

/** A WT10 sub-wallet as the protocol's `CorporateSubWallet`: its caps, balance and spend today. */
export function corporateUnitToWire(ctx: CoreContext, unit: WalletRecord) {
  const { parentWalletId, name, caps } = unit.corporateUnit!
  return {
    id: unit.id,
    parentWalletId,
    name,
    status: unit.status,
    caps,
    available: balanceOf(ctx, unit.id),
    usedToday: currentUsage(unit.usage, ctx.clock.now()).today,
    createdAt: formatTimestamp(unit.createdAt),
  }
}

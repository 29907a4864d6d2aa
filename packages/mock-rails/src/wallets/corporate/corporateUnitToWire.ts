import type { CoreContext } from '../../engine/engineContext.js'
import { currentUsage } from '../../engine/usage.js'
import { balanceOf } from '../../engine/walletGuards.js'
import type { WalletRecord } from '../../state/records.js'
import { formatTimestamp } from '../../support/shanghaiTime.js'

/**
 * A WT10 sub-wallet as the protocol's `CorporateSubWallet`: its caps and their history, balance,
 * spend today, and when it was closed. A unit saved before caps had a history shows its current caps
 * from the day it opened.
 */
export function corporateUnitToWire(ctx: CoreContext, unit: WalletRecord) {
  const { parentWalletId, name, caps, capsHistory } = unit.corporateUnit!
  const history = capsHistory ?? [{ caps, effectiveFrom: unit.createdAt, memo: null }]
  return {
    id: unit.id,
    parentWalletId,
    name,
    status: unit.status,
    caps: { ...caps },
    capsHistory: history.map((entry) => ({
      caps: { ...entry.caps },
      effectiveFrom: formatTimestamp(entry.effectiveFrom),
      memo: entry.memo,
    })),
    available: balanceOf(ctx, unit.id),
    usedToday: currentUsage(unit.usage, ctx.clock.now()).today,
    createdAt: formatTimestamp(unit.createdAt),
    closedAt: unit.closedAt === null ? null : formatTimestamp(unit.closedAt),
  }
}

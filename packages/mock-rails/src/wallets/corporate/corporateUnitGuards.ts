import type { EngineContext } from '../../engine/engineContext.js'
import { requireActiveWallet } from '../../engine/walletGuards.js'
import type { WalletRecord } from '../../state/records.js'
import { maskWalletId } from '../../support/mask.js'
import { RailsError } from '../../support/railsError.js'

/** The open WT09 wallet that runs sub-wallets; `invalid_request` for any other type. */
export function requireCorporateParent(ctx: EngineContext, walletId: string): WalletRecord {
  const parent = requireActiveWallet(ctx, walletId)
  if (parent.type !== 'WT09') {
    throw new RailsError(
      'invalid_request',
      `Only a corporate (WT09) wallet has corporate sub-wallets; this one is ${parent.type}. ` +
        'Use the company’s WT09 wallet.',
      { issues: [{ path: 'id', message: 'not a corporate (WT09) wallet' }] },
    )
  }
  return parent
}

/** An open WT10 sub-wallet of `parent`; `not_found` for a wallet that is not one of its own. */
export function requireUnitOf(ctx: EngineContext, parent: WalletRecord, subWalletId: string): WalletRecord {
  const unit = ctx.state.wallets.get(subWalletId)
  if (!unit || unit.corporateUnit?.parentWalletId !== parent.id) {
    throw new RailsError(
      'not_found',
      `No corporate sub-wallet ${maskWalletId(subWalletId)} under this wallet. List them with ` +
        'GET /v1/wallets/{id}/corporate-sub-wallets.',
      { subWalletId: maskWalletId(subWalletId) },
    )
  }
  return requireActiveWallet(ctx, unit.id)
}

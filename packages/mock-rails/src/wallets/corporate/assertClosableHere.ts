import type { EngineContext } from '../../engine/engineContext.js'
import type { WalletRecord } from '../../state/records.js'
import { maskWalletId } from '../../support/mask.js'
import { RailsError } from '../../support/railsError.js'

/**
 * What `POST /v1/wallets/{id}/close` refuses for corporate wallets: a WT10 sub-wallet is closed by
 * its parent (which takes its balance back in the same step), and a WT09 wallet keeps its sub-wallets'
 * money, so it closes only once none of them is open.
 */
export function assertClosableHere(ctx: EngineContext, wallet: WalletRecord): void {
  const unit = wallet.corporateUnit
  if (unit) {
    throw new RailsError(
      'invalid_request',
      'A corporate sub-wallet is closed by its company, which takes back its balance in the same step: ' +
        `POST /v1/wallets/${maskWalletId(unit.parentWalletId)}/corporate-sub-wallets/{walletId}/close ` +
        '(closeCorporateSubWallet()).',
      { issues: [{ path: 'id', message: 'a corporate sub-wallet: close it through its parent' }] },
    )
  }
  if (wallet.type !== 'WT09') return
  const open = [...ctx.state.wallets.values()].filter(
    (other) => other.corporateUnit?.parentWalletId === wallet.id && other.status === 'active',
  ).length
  if (open > 0) {
    throw new RailsError(
      'invalid_state',
      `This corporate wallet still has ${open} open sub-wallet${open === 1 ? '' : 's'}. Close each ` +
        '(POST /v1/wallets/{id}/corporate-sub-wallets/{subWalletId}/close, closeCorporateSubWallet()), then close the wallet.',
      { walletId: wallet.id, openSubWallets: open },
    )
  }
}

import type { WalletRecord } from '../state/records.js'
import { maskWalletId } from '../support/mask.js'

/** How a limit message names a wallet's caps, who set them, and how to raise one. */
export type CapAdvice = {
  /** `wallet` or `sub-wallet`. */
  noun: string
  /** Said after the cap: empty for a level cap; who set it for a corporate sub-wallet's. */
  setBy: string
  /** The real way to raise the cap. */
  raise: string
  /** Added to the error's details, so the SDK can say the same in the client's language. */
  details: Record<string, unknown>
}

/**
 * A personal wallet's caps come from its level: raising one means upgrading the level. A corporate
 * sub-wallet's (WT10) are set by its parent company, so upgrading is never the answer: the company
 * changes them with `PATCH /v1/wallets/{parent}/corporate-sub-wallets/{id}` (`updateCorporateSubWalletCaps`
 * in `@ecny/sdk-core/corporate`).
 *
 * @example
 * const advice = capAdvice(wallet)
 * `… Split it, or ${advice.raise}.`
 */
export function capAdvice(wallet: WalletRecord): CapAdvice {
  const unit = wallet.corporateUnit
  if (!unit) {
    return { noun: 'wallet', setBy: '', raise: "upgrade the wallet's level", details: { capsSetBy: 'level' } }
  }
  return {
    noun: 'sub-wallet',
    setBy: `, a cap set by its company's corporate wallet ${maskWalletId(unit.parentWalletId)}`,
    raise:
      "ask the company to change the cap: it sets its sub-wallets' caps with PATCH " +
      '/v1/wallets/{parentWalletId}/corporate-sub-wallets/{walletId} (updateCorporateSubWalletCaps())',
    details: { capsSetBy: 'parent', parentWalletId: unit.parentWalletId },
  }
}

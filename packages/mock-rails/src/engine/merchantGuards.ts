import type { MerchantRecord } from '../state/merchantStore.js'
import { notFound, RailsError } from '../support/railsError.js'
import type { EngineContext } from './engineContext.js'

/** The merchant, if it is approved and has a settlement wallet; `merchant_not_approved` otherwise. */
export function requireApprovedMerchant(
  ctx: EngineContext,
  merchantId: string,
): MerchantRecord & { settlementWalletId: string } {
  const merchant = ctx.merchants.get(merchantId)
  if (!merchant) throw notFound('merchant', merchantId)
  if (merchant.status !== 'approved' || merchant.settlementWalletId === null) {
    throw new RailsError(
      'merchant_not_approved',
      `Merchant ${merchantId} is ${merchant.status}, not approved, so it cannot take payments yet. Finish onboarding and wait for the review.`,
      { merchantId, status: merchant.status },
    )
  }
  return merchant as MerchantRecord & { settlementWalletId: string }
}

/**
 * The merchant whose settlement wallet this is, or `undefined` for any other wallet. Access checks
 * use it: only an app acting for that merchant may touch the wallet.
 *
 * @example
 * merchantOwningWallet(ctx, merchant.settlementWalletId!) // merchant.id
 */
export function merchantOwningWallet(ctx: EngineContext, walletId: string): string | undefined {
  return ctx.merchants.list().find((merchant) => merchant.settlementWalletId === walletId)?.id
}

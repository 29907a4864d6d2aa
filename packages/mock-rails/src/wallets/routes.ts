/**
 * Wallet routes.
 *
 * POST /v1/wallets                         open a wallet (server credentials). Personal WT01 at a level with
 *                                          the identity it needs (WL04 mobile; WL03 + name, idNumber;
 *                                          WL02 + bankCard {number, holderName}; WL01 + counterVerification
 *                                          {branchId}); corporate WT09 with entity {legalName, uscc} and
 *                                          settlementAccount {accountNo, accountName = legalName}.
 *                                          → Wallet. 422 identity_required (details.missing), 409 wallet_exists.
 * GET  /v1/wallets/{id}                    → Wallet (holder data masked)
 * GET  /v1/wallets/{id}/balance            → Balance
 * GET  /v1/wallets/{id}/limits             → WalletLimits (caps, used today/this year, next resets, Asia/Shanghai)
 * POST /v1/wallets/{id}/upgrade            {level, …identity the level adds} → Wallet
 * POST /v1/wallets/{id}/close              → Wallet (409 wallet_not_empty unless the balance is 0)
 * POST /v1/wallets/{id}/top-ups            {amount, bankCard?} → WalletTransaction. bankCard is needed only by
 *                                          wallets without a linked card (WL04, WL03). Balance cap applies.
 * POST /v1/wallets/{id}/redemptions        {amount, bankCard?} → WalletTransaction
 * GET  /v1/wallets/{id}/transactions       ?limit&cursor → page of WalletTransaction, newest first
 * GET  /v1/wallets/{id}/transfers          ?limit&cursor → page of Transfer, newest first
 * POST /v1/wallets/{id}/payment-codes      → PaymentCode (19 digits, `01…`, 60 s, single use)
 * POST /v1/wallets/{id}/sub-wallets        {merchantId, caps {single, daily}} → SubWallet (server credentials)
 * GET  /v1/wallets/{id}/sub-wallets        → {data: SubWallet[], nextCursor: null} (server credentials)
 * DELETE /v1/sub-wallets/{id}              revoke → SubWallet (server credentials)
 * GET  /v1/wallets/{id}/eligible-campaigns → {data, nextCursor} from the campaign hooks
 *
 * A client token scoped to a wallet may call every route here on that wallet except open, upgrade,
 * close, top-ups, redemptions and sub-wallets.
 */
import { operations } from '@ecny/protocol'
import { field, walletScoped } from '../http/callerAccess.js'
import { pageParameters } from '../http/pageParameters.js'
import type { RouteDefinition } from '../http/routeDefinition.js'

const byWallet = (scope: { type: string; id: string }, input: { params: Record<string, string> }) =>
  walletScoped(input.params.id)(scope)

export const walletRoutes: RouteDefinition[] = [
  {
    ...operations.openWallet,
    // A wallet_opening token opens one personal wallet, then serves that wallet.
    tokenAccess: (scope, { body }) => scope.type === 'wallet_opening' && field(body, 'type') !== 'WT09',
    claimsToken: true,
    handle: ({ engine, body, caller, tokens }) => {
      const opened = engine.openWallet(body as never)
      if (caller.kind === 'token') tokens.rescope(caller.token, { type: 'wallet', id: opened.id })
      return opened
    },
  },
  {
    ...operations.getWallet,
    tokenAccess: byWallet,
    handle: ({ engine, params }) => engine.getWallet(params.id!),
  },
  {
    ...operations.getBalance,
    tokenAccess: byWallet,
    handle: ({ engine, params }) => engine.getBalance(params.id!),
  },
  {
    ...operations.getWalletLimits,
    tokenAccess: byWallet,
    handle: ({ engine, params }) => engine.getLimits(params.id!),
  },
  {
    ...operations.upgradeWallet,
    handle: ({ engine, params, body }) => engine.upgradeWallet(params.id!, body as never),
  },
  {
    ...operations.closeWallet,
    handle: ({ engine, params }) => engine.closeWallet(params.id!),
  },
  {
    ...operations.topUp,
    handle: ({ engine, params, body }) => engine.topUp(params.id!, body as never),
  },
  {
    ...operations.redeem,
    handle: ({ engine, params, body }) => engine.redeem(params.id!, body as never),
  },
  {
    ...operations.listTransactions,
    tokenAccess: byWallet,
    handle: ({ engine, params, query }) => engine.listTransactions(params.id!, pageParameters(query)),
  },
  {
    ...operations.listWalletTransfers,
    tokenAccess: byWallet,
    handle: ({ engine, params, query }) => engine.listWalletTransfers(params.id!, pageParameters(query)),
  },
  {
    ...operations.createPaymentCode,
    tokenAccess: byWallet,
    handle: ({ engine, params }) => engine.createPaymentCode(params.id!),
  },
  {
    ...operations.createSubWallet,
    handle: ({ engine, params, body }) => engine.createSubWallet(params.id!, body as never),
  },
  {
    ...operations.listSubWallets,
    handle: ({ engine, params }) => engine.listSubWallets(params.id!),
  },
  {
    ...operations.revokeSubWallet,
    handle: ({ engine, params }) => engine.revokeSubWallet(params.id!),
  },
  {
    ...operations.listEligibleCampaigns,
    tokenAccess: byWallet,
    handle: ({ engine, params }) => engine.eligibleCampaigns(params.id!),
  },
]

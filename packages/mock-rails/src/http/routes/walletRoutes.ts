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
import {
  balance,
  eligibleCampaign,
  page,
  paymentCode,
  subWallet,
  transfer,
  wallet,
  walletLimits,
  walletTransaction,
} from '@ecny/sdk-core/internal'
import {
  bankMovementRequest,
  createSubWalletRequest,
  openWalletRequest,
  upgradeWalletRequest,
} from '../../engine/requestSchemas.js'
import type { RouteDefinition } from '../routeDefinition.js'
import { field, walletScoped } from './callerAccess.js'
import { pageParameters } from './pageParameters.js'

const byWallet = (scope: { type: string; id: string }, input: { params: Record<string, string> }) =>
  walletScoped(input.params.id)(scope)

export const walletRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/v1/wallets',
    summary: 'Open a wallet',
    request: openWalletRequest,
    response: wallet,
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
    method: 'GET',
    path: '/v1/wallets/{id}',
    summary: 'Get a wallet',
    response: wallet,
    tokenAccess: byWallet,
    handle: ({ engine, params }) => engine.getWallet(params.id!),
  },
  {
    method: 'GET',
    path: '/v1/wallets/{id}/balance',
    summary: "Get a wallet's balance",
    response: balance,
    tokenAccess: byWallet,
    handle: ({ engine, params }) => engine.getBalance(params.id!),
  },
  {
    method: 'GET',
    path: '/v1/wallets/{id}/limits',
    summary: "Get a wallet's caps and usage",
    response: walletLimits,
    tokenAccess: byWallet,
    handle: ({ engine, params }) => engine.getLimits(params.id!),
  },
  {
    method: 'POST',
    path: '/v1/wallets/{id}/upgrade',
    summary: 'Upgrade a wallet to a stronger level',
    request: upgradeWalletRequest,
    response: wallet,
    handle: ({ engine, params, body }) => engine.upgradeWallet(params.id!, body as never),
  },
  {
    method: 'POST',
    path: '/v1/wallets/{id}/close',
    summary: 'Close an empty wallet',
    response: wallet,
    handle: ({ engine, params }) => engine.closeWallet(params.id!),
  },
  {
    method: 'POST',
    path: '/v1/wallets/{id}/top-ups',
    summary: 'Top up from a bank card',
    request: bankMovementRequest,
    response: walletTransaction,
    handle: ({ engine, params, body }) => engine.topUp(params.id!, body as never),
  },
  {
    method: 'POST',
    path: '/v1/wallets/{id}/redemptions',
    summary: 'Redeem to a bank card',
    request: bankMovementRequest,
    response: walletTransaction,
    handle: ({ engine, params, body }) => engine.redeem(params.id!, body as never),
  },
  {
    method: 'GET',
    path: '/v1/wallets/{id}/transactions',
    summary: "List a wallet's transactions, newest first",
    response: page(walletTransaction),
    tokenAccess: byWallet,
    handle: ({ engine, params, query }) => engine.listTransactions(params.id!, pageParameters(query)),
  },
  {
    method: 'GET',
    path: '/v1/wallets/{id}/transfers',
    summary: "List a wallet's transfers, newest first",
    response: page(transfer),
    tokenAccess: byWallet,
    handle: ({ engine, params, query }) => engine.listWalletTransfers(params.id!, pageParameters(query)),
  },
  {
    method: 'POST',
    path: '/v1/wallets/{id}/payment-codes',
    summary: 'Create a payment code',
    response: paymentCode,
    tokenAccess: byWallet,
    handle: ({ engine, params }) => engine.createPaymentCode(params.id!),
  },
  {
    method: 'POST',
    path: '/v1/wallets/{id}/sub-wallets',
    summary: 'Push a sub-wallet to a merchant',
    request: createSubWalletRequest,
    response: subWallet,
    handle: ({ engine, params, body }) => engine.createSubWallet(params.id!, body as never),
  },
  {
    method: 'GET',
    path: '/v1/wallets/{id}/sub-wallets',
    summary: "List a wallet's sub-wallets",
    response: page(subWallet),
    handle: ({ engine, params }) => engine.listSubWallets(params.id!),
  },
  {
    method: 'DELETE',
    path: '/v1/sub-wallets/{id}',
    summary: 'Revoke a sub-wallet',
    response: subWallet,
    handle: ({ engine, params }) => engine.revokeSubWallet(params.id!),
  },
  {
    method: 'GET',
    path: '/v1/wallets/{id}/eligible-campaigns',
    summary: 'Campaigns a wallet may join',
    response: page(eligibleCampaign),
    tokenAccess: byWallet,
    handle: ({ engine, params }) => engine.eligibleCampaigns(params.id!),
  },
]

/** Wallet operations: open and manage wallets, move money to and from banks, payment codes, sub-wallets. */
import { pageQuery } from '../requests/queries.js'
import {
  bankMovementRequest,
  createSubWalletRequest,
  openWalletRequest,
  upgradeWalletRequest,
} from '../requests/wallets.js'
import { eligibleCampaign } from '../schemas/campaigns.js'
import { page } from '../schemas/common.js'
import { transfer } from '../schemas/orders.js'
import {
  balance,
  paymentCode,
  subWallet,
  wallet,
  walletLimits,
  walletTransaction,
} from '../schemas/wallets.js'
import { defineOperation } from './defineOperation.js'

export const openWallet = defineOperation({
  name: 'openWallet',
  method: 'POST',
  path: '/v1/wallets',
  summary: 'Open a wallet',
  request: openWalletRequest,
  requestName: 'OpenWalletRequest',
  response: wallet,
  responseName: 'Wallet',
  // A wallet_opening token opens one personal wallet, then serves that wallet.
  tokenScopes: ['wallet_opening'],
})

export const getWallet = defineOperation({
  name: 'getWallet',
  method: 'GET',
  path: '/v1/wallets/{id}',
  summary: 'Get a wallet',
  response: wallet,
  responseName: 'Wallet',
  tokenScopes: ['wallet'],
})

export const getBalance = defineOperation({
  name: 'getBalance',
  method: 'GET',
  path: '/v1/wallets/{id}/balance',
  summary: "Get a wallet's balance",
  response: balance,
  responseName: 'Balance',
  tokenScopes: ['wallet'],
})

export const getWalletLimits = defineOperation({
  name: 'getWalletLimits',
  method: 'GET',
  path: '/v1/wallets/{id}/limits',
  summary: "Get a wallet's caps and usage",
  response: walletLimits,
  responseName: 'WalletLimits',
  tokenScopes: ['wallet'],
})

export const upgradeWallet = defineOperation({
  name: 'upgradeWallet',
  method: 'POST',
  path: '/v1/wallets/{id}/upgrade',
  summary: 'Upgrade a wallet to a stronger level',
  request: upgradeWalletRequest,
  requestName: 'UpgradeWalletRequest',
  response: wallet,
  responseName: 'Wallet',
})

export const closeWallet = defineOperation({
  name: 'closeWallet',
  method: 'POST',
  path: '/v1/wallets/{id}/close',
  summary: 'Close an empty wallet',
  response: wallet,
  responseName: 'Wallet',
})

export const topUp = defineOperation({
  name: 'topUp',
  method: 'POST',
  path: '/v1/wallets/{id}/top-ups',
  summary: 'Top up from a bank card',
  request: bankMovementRequest,
  requestName: 'BankMovementRequest',
  response: walletTransaction,
  responseName: 'WalletTransaction',
})

export const redeem = defineOperation({
  name: 'redeem',
  method: 'POST',
  path: '/v1/wallets/{id}/redemptions',
  summary: 'Redeem to a bank card',
  request: bankMovementRequest,
  requestName: 'BankMovementRequest',
  response: walletTransaction,
  responseName: 'WalletTransaction',
})

export const listTransactions = defineOperation({
  name: 'listTransactions',
  method: 'GET',
  path: '/v1/wallets/{id}/transactions',
  summary: "List a wallet's transactions, newest first",
  query: pageQuery,
  response: page(walletTransaction),
  responseName: 'WalletTransactionPage',
  tokenScopes: ['wallet'],
})

export const listWalletTransfers = defineOperation({
  name: 'listWalletTransfers',
  method: 'GET',
  path: '/v1/wallets/{id}/transfers',
  summary: "List a wallet's transfers, newest first",
  query: pageQuery,
  response: page(transfer),
  responseName: 'TransferPage',
  tokenScopes: ['wallet'],
})

export const createPaymentCode = defineOperation({
  name: 'createPaymentCode',
  method: 'POST',
  path: '/v1/wallets/{id}/payment-codes',
  summary: 'Create a payment code',
  response: paymentCode,
  responseName: 'PaymentCode',
  tokenScopes: ['wallet'],
})

export const createSubWallet = defineOperation({
  name: 'createSubWallet',
  method: 'POST',
  path: '/v1/wallets/{id}/sub-wallets',
  summary: 'Push a sub-wallet to a merchant',
  request: createSubWalletRequest,
  requestName: 'CreateSubWalletRequest',
  response: subWallet,
  responseName: 'SubWallet',
})

export const listSubWallets = defineOperation({
  name: 'listSubWallets',
  method: 'GET',
  path: '/v1/wallets/{id}/sub-wallets',
  summary: "List a wallet's sub-wallets",
  response: page(subWallet),
  responseName: 'SubWalletPage',
})

export const revokeSubWallet = defineOperation({
  name: 'revokeSubWallet',
  method: 'DELETE',
  path: '/v1/sub-wallets/{id}',
  summary: 'Revoke a sub-wallet',
  response: subWallet,
  responseName: 'SubWallet',
})

export const listEligibleCampaigns = defineOperation({
  name: 'listEligibleCampaigns',
  method: 'GET',
  path: '/v1/wallets/{id}/eligible-campaigns',
  summary: 'Campaigns a wallet may join',
  response: page(eligibleCampaign),
  responseName: 'EligibleCampaignPage',
  tokenScopes: ['wallet'],
})

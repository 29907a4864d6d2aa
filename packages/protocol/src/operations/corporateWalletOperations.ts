/**
 * Corporate (对公) parent wallets and their WT10 sub-wallets: open a sub-wallet for a department or
 * store, allocate funds to it, collect them back, list them, change its caps, close it. Server
 * credentials only. Kept out of
 * the main `operations` table so browser bundles that import it do not carry them; the gateway
 * serves them and the OpenAPI document lists them (`corporateWalletOperations`).
 */
import {
  closeCorporateSubWalletRequest,
  corporateFundsMovementRequest,
  openCorporateSubWalletRequest,
  updateCorporateSubWalletCapsRequest,
} from '../requests/corporateWallets.js'
import { page } from '../schemas/common.js'
import {
  closedCorporateSubWallet,
  corporateFundsMovement,
  corporateSubWallet,
} from '../schemas/corporateWallets.js'
import { defineOperation } from './defineOperation.js'

export const openCorporateSubWallet = defineOperation({
  name: 'openCorporateSubWallet',
  method: 'POST',
  path: '/v1/wallets/{id}/corporate-sub-wallets',
  summary: 'Open a WT10 sub-wallet under a WT09 corporate wallet',
  request: openCorporateSubWalletRequest,
  requestName: 'OpenCorporateSubWalletRequest',
  response: corporateSubWallet,
  responseName: 'CorporateSubWallet',
})

export const listCorporateSubWallets = defineOperation({
  name: 'listCorporateSubWallets',
  method: 'GET',
  path: '/v1/wallets/{id}/corporate-sub-wallets',
  summary: "List a corporate wallet's WT10 sub-wallets with their balances",
  response: page(corporateSubWallet),
  responseName: 'CorporateSubWalletPage',
})

export const allocateToCorporateSubWallet = defineOperation({
  name: 'allocateToCorporateSubWallet',
  method: 'POST',
  path: '/v1/wallets/{id}/allocations',
  summary: 'Allocate funds from a corporate wallet to one of its sub-wallets',
  request: corporateFundsMovementRequest,
  requestName: 'CorporateFundsMovementRequest',
  response: corporateFundsMovement,
  responseName: 'CorporateFundsMovement',
})

export const collectFromCorporateSubWallet = defineOperation({
  name: 'collectFromCorporateSubWallet',
  method: 'POST',
  path: '/v1/wallets/{id}/collections',
  summary: 'Collect funds from a sub-wallet back to its corporate wallet',
  request: corporateFundsMovementRequest,
  requestName: 'CorporateFundsMovementRequest',
  response: corporateFundsMovement,
  responseName: 'CorporateFundsMovement',
})

export const updateCorporateSubWalletCaps = defineOperation({
  name: 'updateCorporateSubWalletCaps',
  method: 'PATCH',
  path: '/v1/wallets/{id}/corporate-sub-wallets/{subWalletId}',
  summary: "Change a sub-wallet's caps (by its corporate wallet); they apply from the next payment",
  request: updateCorporateSubWalletCapsRequest,
  requestName: 'UpdateCorporateSubWalletCapsRequest',
  response: corporateSubWallet,
  responseName: 'CorporateSubWallet',
})

export const closeCorporateSubWallet = defineOperation({
  name: 'closeCorporateSubWallet',
  method: 'POST',
  path: '/v1/wallets/{id}/corporate-sub-wallets/{subWalletId}/close',
  summary: 'Close a sub-wallet: its balance goes back to its corporate wallet in one movement',
  request: closeCorporateSubWalletRequest,
  requestName: 'CloseCorporateSubWalletRequest',
  response: closedCorporateSubWallet,
  responseName: 'ClosedCorporateSubWallet',
})

export const corporateWalletOperations = {
  openCorporateSubWallet,
  listCorporateSubWallets,
  allocateToCorporateSubWallet,
  collectFromCorporateSubWallet,
  updateCorporateSubWalletCaps,
  closeCorporateSubWallet,
}

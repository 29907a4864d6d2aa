/**
 * `@ecny/sdk-core/corporate`: a company's e-CNY funds — its WT09 wallet as the parent, WT10
 * sub-wallets for departments and stores, allocation, collection, caps the parent changes, closing,
 * and a statement per sub-wallet.
 * A sub-path of its own, so browser bundles built on the main entry never carry it.
 */
export {
  type AllocateToCorporateSubWalletErrorType,
  type AllocateToCorporateSubWalletParameters,
  type AllocateToCorporateSubWalletReturnType,
  allocateToCorporateSubWallet,
} from '../corporate/allocateToCorporateSubWallet.js'
export {
  type CloseCorporateSubWalletErrorType,
  type CloseCorporateSubWalletParameters,
  type CloseCorporateSubWalletReturnType,
  closeCorporateSubWallet,
} from '../corporate/closeCorporateSubWallet.js'
export {
  type CollectFromCorporateSubWalletErrorType,
  type CollectFromCorporateSubWalletParameters,
  type CollectFromCorporateSubWalletReturnType,
  collectFromCorporateSubWallet,
} from '../corporate/collectFromCorporateSubWallet.js'
export {
  type ListCorporateSubWalletsErrorType,
  type ListCorporateSubWalletsParameters,
  type ListCorporateSubWalletsReturnType,
  listCorporateSubWallets,
} from '../corporate/listCorporateSubWallets.js'
export {
  type OpenCorporateSubWalletErrorType,
  type OpenCorporateSubWalletParameters,
  type OpenCorporateSubWalletReturnType,
  openCorporateSubWallet,
} from '../corporate/openCorporateSubWallet.js'
export {
  type UpdateCorporateSubWalletCapsErrorType,
  type UpdateCorporateSubWalletCapsParameters,
  type UpdateCorporateSubWalletCapsReturnType,
  updateCorporateSubWalletCaps,
} from '../corporate/updateCorporateSubWalletCaps.js'

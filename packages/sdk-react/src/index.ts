/**
 * `@ecny/sdk-react`: provider, hooks and a checkout QR component for checkout pages, wallet pages
 * and campaign consoles, on TanStack Query. Client tokens only: nothing here accepts a private key.
 * @packageDocumentation
 */
export type { ClientTokenProp, ClientTokenResult } from './createTokenClient.js'
export { EcnyProvider, type EcnyProviderProps } from './EcnyProvider.js'
export type { MutationParameter, QueryParameter } from './hooks/queryParameter.js'
export { type UseBalanceParameters, useBalance } from './hooks/useBalance.js'
export {
  type CheckoutOrder,
  type CheckoutState,
  type UseCheckoutParameters,
  type UseCheckoutReturnType,
  useCheckout,
} from './hooks/useCheckout.js'
export { type UseClaimRewardParameters, useClaimReward } from './hooks/useClaimReward.js'
export { type UseCreateTransferParameters, useCreateTransfer } from './hooks/useCreateTransfer.js'
export { type UseEligibleCampaignsParameters, useEligibleCampaigns } from './hooks/useEligibleCampaigns.js'
export { type UseOpenWalletParameters, useOpenWallet } from './hooks/useOpenWallet.js'
export { type UseOrderParameters, useOrder } from './hooks/useOrder.js'
export { type UsePaymentCodeParameters, usePaymentCode } from './hooks/usePaymentCode.js'
export { type UsePayOrderParameters, usePayOrder } from './hooks/usePayOrder.js'
export { type UseWalletParameters, useWallet } from './hooks/useWallet.js'
export { type UseWalletLimitsParameters, useWalletLimits } from './hooks/useWalletLimits.js'
export { formatAmount } from './i18n/formatAmount.js'
export { PaymentQRCode, type PaymentQRCodeProps } from './PaymentQRCode.js'
export type { QrErrorCorrection } from './qr/encodeQr.js'
export { useEcnyClient } from './useEcnyClient.js'

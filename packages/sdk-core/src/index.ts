/**
 * `@ecny/sdk-core`: the e-CNY SDK's transport, money, identifiers, errors, and wallet-side actions.
 * @packageDocumentation
 */

export type {
  AudienceEstimate,
  Balance,
  Campaign,
  CampaignBudget,
  CampaignClaimStatus,
  CampaignStats,
  CampaignStatus,
  ClientToken,
  DocumentType,
  GovAgencyStatement,
  GovBill,
  GovEBill,
  GovPaymentBill,
  GovPaymentResult,
  LotteryDraw,
  Merchant,
  NotificationEvent,
  NotificationType,
  Order,
  OrderMode,
  OrderStatus,
  PaymentCode,
  QrCode,
  QrResolution,
  Refund,
  Scene,
  SignedGovEBill,
  SubWallet,
  TapBatch,
  Terminal,
  Transfer,
  Wallet,
  WalletLevel,
  WalletLimits,
  WalletTransaction,
  WalletType,
} from '@ecny/protocol'
export { finalOrderStatuses } from '@ecny/protocol'
export {
  type CampaignClaim,
  type ClaimRewardErrorType,
  type ClaimRewardParameters,
  type ClaimRewardReturnType,
  claimReward,
} from './actions/campaigns/claimReward.js'
export {
  type EligibleCampaign,
  type ListEligibleCampaignsErrorType,
  type ListEligibleCampaignsParameters,
  type ListEligibleCampaignsReturnType,
  listEligibleCampaigns,
} from './actions/campaigns/listEligibleCampaigns.js'
export {
  type CreateClientTokenErrorType,
  type CreateClientTokenParameters,
  type CreateClientTokenReturnType,
  createClientToken,
} from './actions/clientTokens/createClientToken.js'
export {
  type CheckGovEBillErrorType,
  type CheckGovEBillParameters,
  type CheckGovEBillReturnType,
  checkGovEBill,
} from './actions/gov/checkGovEBill.js'
export {
  type LookupGovBillErrorType,
  type LookupGovBillParameters,
  type LookupGovBillReturnType,
  lookupGovBill,
} from './actions/gov/lookupGovBill.js'
export {
  type PayGovBillErrorType,
  type PayGovBillParameters,
  type PayGovBillReturnType,
  payGovBill,
} from './actions/gov/payGovBill.js'
export { renderEBillHtml } from './actions/gov/renderEBillHtml.js'
export { type EBillDocument, type VerifyEBillOptions, verifyEBill } from './actions/gov/verifyEBill.js'
export {
  type CreatePaymentCodeErrorType,
  type CreatePaymentCodeParameters,
  type CreatePaymentCodeReturnType,
  createPaymentCode,
} from './actions/payments/createPaymentCode.js'
export {
  type GetOrderErrorType,
  type GetOrderParameters,
  type GetOrderReturnType,
  getOrder,
} from './actions/payments/getOrder.js'
export { isFinalOrder } from './actions/payments/isFinalOrder.js'
export {
  type PayOrderErrorType,
  type PayOrderParameters,
  type PayOrderReturnType,
  payOrder,
} from './actions/payments/payOrder.js'
export {
  type ResolveQrErrorType,
  type ResolveQrParameters,
  type ResolveQrReturnType,
  resolveQr,
} from './actions/payments/resolveQr.js'
export {
  type WaitForFinalErrorType,
  type WaitForFinalParameters,
  type WaitForFinalReturnType,
  type WaitForOrderFinalErrorType,
  type WaitForOrderFinalParameters,
  type WaitForOrderFinalReturnType,
  waitForFinal,
  waitForOrderFinal,
} from './actions/payments/waitForOrderFinal.js'
export {
  type WatchPaymentCodeErrorType,
  type WatchPaymentCodeParameters,
  type WatchPaymentCodeReturnType,
  watchPaymentCode,
} from './actions/payments/watchPaymentCode.js'
export {
  type GetPointsErrorType,
  type GetPointsParameters,
  type GetPointsReturnType,
  getPoints,
} from './actions/points/getPoints.js'
export {
  type ListPointsEntriesErrorType,
  type ListPointsEntriesParameters,
  type ListPointsEntriesReturnType,
  listPointsEntries,
} from './actions/points/listPointsEntries.js'
export {
  type RedeemPointsErrorType,
  type RedeemPointsParameters,
  type RedeemPointsReturnType,
  redeemPoints,
} from './actions/points/redeemPoints.js'
export {
  type CreateTransferErrorType,
  type CreateTransferParameters,
  type CreateTransferReturnType,
  createTransfer,
} from './actions/transfers/createTransfer.js'
export {
  type GetTransferErrorType,
  type GetTransferParameters,
  type GetTransferReturnType,
  getTransfer,
} from './actions/transfers/getTransfer.js'
export {
  type ListTransfersErrorType,
  type ListTransfersParameters,
  type ListTransfersReturnType,
  listTransfers,
} from './actions/transfers/listTransfers.js'
export {
  type IssueHardwareWalletErrorType,
  type IssueHardwareWalletParameters,
  type IssueHardwareWalletReturnType,
  issueHardwareWallet,
} from './actions/transit/issueHardwareWallet.js'
export {
  type SetOfflineCapErrorType,
  type SetOfflineCapParameters,
  type SetOfflineCapReturnType,
  setOfflineCap,
} from './actions/transit/setOfflineCap.js'
export {
  type CloseWalletErrorType,
  type CloseWalletParameters,
  type CloseWalletReturnType,
  closeWallet,
} from './actions/wallets/closeWallet.js'
export {
  type GetBalanceErrorType,
  type GetBalanceParameters,
  type GetBalanceReturnType,
  getBalance,
} from './actions/wallets/getBalance.js'
export {
  type GetWalletErrorType,
  type GetWalletParameters,
  type GetWalletReturnType,
  getWallet,
} from './actions/wallets/getWallet.js'
export {
  type GetWalletLimitsErrorType,
  type GetWalletLimitsParameters,
  type GetWalletLimitsReturnType,
  getWalletLimits,
} from './actions/wallets/getWalletLimits.js'
export {
  type ListSubWalletsErrorType,
  type ListSubWalletsParameters,
  type ListSubWalletsReturnType,
  listSubWallets,
} from './actions/wallets/listSubWallets.js'
export {
  type ListWalletTransactionsErrorType,
  type ListWalletTransactionsParameters,
  type ListWalletTransactionsReturnType,
  listWalletTransactions,
} from './actions/wallets/listWalletTransactions.js'
export {
  type OpenWalletErrorType,
  type OpenWalletParameters,
  type OpenWalletReturnType,
  openWallet,
} from './actions/wallets/openWallet.js'
export {
  type PushSubWalletErrorType,
  type PushSubWalletParameters,
  type PushSubWalletReturnType,
  pushSubWallet,
} from './actions/wallets/pushSubWallet.js'
export {
  type RedeemFromWalletErrorType,
  type RedeemFromWalletParameters,
  type RedeemFromWalletReturnType,
  redeemFromWallet,
} from './actions/wallets/redeemFromWallet.js'
export {
  type RevokeSubWalletErrorType,
  type RevokeSubWalletParameters,
  type RevokeSubWalletReturnType,
  revokeSubWallet,
} from './actions/wallets/revokeSubWallet.js'
export {
  type TopUpWalletErrorType,
  type TopUpWalletParameters,
  type TopUpWalletReturnType,
  topUpWallet,
} from './actions/wallets/topUpWallet.js'
export {
  type UpgradeWalletErrorType,
  type UpgradeWalletParameters,
  type UpgradeWalletReturnType,
  upgradeWallet,
} from './actions/wallets/upgradeWallet.js'
export type { AudienceNode } from './campaigns/audience/AudienceNode.js'
export {
  type AudienceTags,
  type CompiledAudience,
  compileAudience,
} from './campaigns/audience/compileAudience.js'
export { type EstimateAudienceReturnType, estimateAudience } from './campaigns/audience/estimateAudience.js'
export { MAX_AUDIENCE_DEPTH, MAX_AUDIENCE_LENGTH, parseAudience } from './campaigns/audience/parseAudience.js'
export {
  type PreviewEligibilityReturnType,
  previewEligibility,
} from './campaigns/audience/previewEligibility.js'
export { printAudience } from './campaigns/audience/printAudience.js'
export type { LotteryAudit } from './campaigns/lottery/drawLottery.js'
export { type VerifyLotteryDrawReturnType, verifyLotteryDraw } from './campaigns/lottery/verifyLotteryDraw.js'
export { type BenefitClawbackParameters, benefitClawback } from './campaigns/rewards/benefitClawback.js'
export {
  type BenefitForParameters,
  type BenefitForReturnType,
  benefitFor,
  MINIMUM_PAYABLE,
  type OrderBenefitRule,
} from './campaigns/rewards/benefitFor.js'
export {
  type CampaignRule,
  type CampaignRuleInput,
  type CampaignRuleOf,
  type CampaignRuleType,
  campaignRuleSchema,
  campaignRuleTypes,
  parseCampaignRule,
  type RefundPolicy,
  refundPolicies,
} from './campaigns/rewards/campaignRuleSchema.js'
export {
  MAX_RED_ENVELOPE_SHARES,
  MAX_RED_ENVELOPE_TOTAL,
  splitRedEnvelope,
} from './campaigns/rewards/splitRedEnvelope.js'
export {
  type TransferRewardForParameters,
  type TransferRewardForReturnType,
  transferRewardFor,
} from './campaigns/rewards/transferRewardFor.js'
export {
  type ClientConfig,
  type ClientTokenSource,
  type Environment,
  environments,
  type ServerCredentials,
} from './client/config.js'
export { createBaseClient, type EcnyBaseClient } from './client/createBaseClient.js'
// Wallet side: client, actions, limits
export {
  type CreateClientConfig,
  createClient,
  type EcnyClient,
} from './client/createClient.js'
export { type CampaignActions, campaignActions } from './client/decorators/campaignActions.js'
export { type ClientTokenActions, clientTokenActions } from './client/decorators/clientTokenActions.js'
export { type PaymentActions, paymentActions } from './client/decorators/paymentActions.js'
export { type TransferActions, transferActions } from './client/decorators/transferActions.js'
export { type ActionDefaults, type WalletActions, walletActions } from './client/decorators/walletActions.js'
export {
  AbortedError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  createEcnyError,
  EcnyError,
  type EcnyErrorOptions,
  GatewayError,
  InsufficientFundsError,
  InvalidRequestError,
  LimitExceededError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ResultUnknownError,
  SignatureError,
  TimeoutError,
} from './errors/EcnyError.js'
export {
  type DocsUrlOptions,
  docsUrlFor,
  type EcnyErrorCategory,
  type EcnyErrorCode,
  errorCodes,
} from './errors/errorCodes.js'
export type { LocaleConfig } from './errors/errorLocaliser.js'
export { detectLocale, type Locale } from './errors/locale.js'
export {
  type LocaliseErrorOptions,
  loadCatalogue,
  localiseError,
  type MessageCatalogue,
} from './errors/localiseError.js'
export type { RequestErrorType } from './errors/RequestErrorType.js'
export { govPaymentCodeCheckDigit, isValidGovPaymentCode } from './ids/govPaymentCode.js'
export { isValidAreaCode } from './ids/isValidAreaCode.js'
export { isValidBankCard } from './ids/isValidBankCard.js'
export { isValidDeviceId } from './ids/isValidDeviceId.js'
export { isValidMcc } from './ids/isValidMcc.js'
export { isValidMobile } from './ids/isValidMobile.js'
export {
  computeResidentIdCheckChar,
  isValidResidentId,
  type ResidentIdOptions,
} from './ids/isValidResidentId.js'
export { computeUsccCheckChar, isValidUscc } from './ids/isValidUscc.js'
export { isValidWalletId } from './ids/isValidWalletId.js'
export { mainlandMobileInputSchema } from './ids/mainlandMobileInputSchema.js'
export { normalizeMobile } from './ids/normalizeMobile.js'
export {
  areaCodeSchema,
  bankCardSchema,
  deviceIdSchema,
  mccSchema,
  mobileSchema,
  residentIdSchema,
  type UsccSchemaOptions,
  uscc,
  usccSchema,
  walletIdSchema,
} from './ids/schemas.js'
export {
  type CheckLimitsOptions,
  type CheckLimitsReturnType,
  checkLimits,
  type LimitCap,
  type LimitsSnapshot,
} from './limits/checkLimits.js'
export {
  ccb2020WalletLimits,
  type DefaultLimitEntry,
  type DefaultLimitTable,
  defaultWalletLimits,
  defaultWalletLimitsVersion,
  type LimitDefaultsOverride,
  mergeLimitDefaults,
  type WalletCaps,
} from './limits/defaultWalletLimits.js'
export type { PrecheckOptions } from './limits/precheckOptions.js'
export { fromPino, type PinoLike } from './log/fromPino.js'
export { fromWinston, type WinstonLike } from './log/fromWinston.js'
export {
  createLogger,
  type LogFields,
  type Logger,
  type LoggerOptions,
  type LogLevel,
  noopLogger,
} from './log/logger.js'
export { maskBankCard, maskMobile, maskResidentId, maskText, maskWalletId } from './log/mask.js'
export { redact } from './log/redact.js'
export {
  addFen,
  allocateFen,
  assertFen,
  type FenRounding,
  multiplyFen,
  percentOfFen,
  subtractFen,
} from './money/fen.js'
export { type FormatYuanOptions, formatYuan } from './money/formatYuan.js'
export { type ParseYuanOptions, parseYuan } from './money/parseYuan.js'
export { fenSchema, positiveFenSchema } from './money/schemas.js'
// Query layer: plain query/mutation options for TanStack Query or any cache (no TanStack import)
export { claimRewardMutationOptions } from './query/claimReward.js'
export {
  type CreatePaymentCodeQueryParameters,
  createPaymentCodeQueryKey,
  createPaymentCodeQueryOptions,
  paymentCodeRefreshDelay,
} from './query/createPaymentCode.js'
export { createTransferMutationOptions } from './query/createTransfer.js'
export {
  type GetBalanceQueryParameters,
  getBalanceQueryKey,
  getBalanceQueryOptions,
} from './query/getBalance.js'
export {
  type GetOrderQueryParameters,
  getOrderQueryKey,
  getOrderQueryOptions,
} from './query/getOrder.js'
export { type GetWalletQueryParameters, getWalletQueryKey, getWalletQueryOptions } from './query/getWallet.js'
export {
  type GetWalletLimitsQueryParameters,
  getWalletLimitsQueryKey,
  getWalletLimitsQueryOptions,
} from './query/getWalletLimits.js'
export {
  type ListEligibleCampaignsQueryParameters,
  listEligibleCampaignsQueryKey,
  listEligibleCampaignsQueryOptions,
} from './query/listEligibleCampaigns.js'
export { openWalletMutationOptions } from './query/openWallet.js'
export { payOrderMutationOptions } from './query/payOrder.js'
export {
  ecnyQueryKey,
  type QueryFunctionContext,
  type QueryStateLike,
  type ScopeKeyParameter,
} from './query/queryKey.js'
export { allowedAlgorithms, type SigningAlgorithm } from './transport/allowedAlgorithms.js'
export {
  type CreateKeySignerParameters,
  createKeySigner,
  type PrivateKeyInput,
} from './transport/createKeySigner.js'
export { axiosHttp } from './transport/http/axiosHttp.js'
export { fetchHttp } from './transport/http/fetchHttp.js'
export type { HttpClient, HttpRequest, HttpResponse } from './transport/http/HttpClient.js'
export type {
  Operator,
  OperatorCall,
  OperatorCodec,
  OperatorDecoded,
  OperatorHttpRequest,
} from './transport/operatorCodec.js'
export type { CallOptions } from './transport/request.js'
export type {
  CallLabels,
  HookName,
  RequestEvent,
  RequestHook,
  RequestHookError,
  RequestHooks,
} from './transport/requestHooks.js'
export { type ResponseMeta, responseMetaOf } from './transport/responseMeta.js'
export type { Signer } from './transport/Signer.js'

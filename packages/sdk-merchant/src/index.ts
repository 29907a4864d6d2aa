/**
 * `@ecny/sdk-merchant`: the merchant side of the e-CNY SDK — onboarding, orders, refunds,
 * notifications, statements and reconciliation, transit and government payments.
 * @packageDocumentation
 */

// From @ecny/sdk-core, so merchant code needs one import
export {
  type CallOptions,
  type DocumentType,
  EcnyError,
  type GovBill,
  type Merchant,
  type Order,
  type OrderMode,
  type OrderStatus,
  type QrCode,
  type Refund,
  type Scene,
  type TapBatch,
  type Terminal,
} from '@ecny/sdk-core'
// Campaigns
export {
  type CreateCampaignErrorType,
  type CreateCampaignParameters,
  type CreateCampaignReturnType,
  createCampaign,
} from './actions/campaigns/createCampaign.js'
export {
  type DrawCampaignLotteryErrorType,
  type DrawCampaignLotteryParameters,
  type DrawCampaignLotteryReturnType,
  drawCampaignLottery,
} from './actions/campaigns/drawCampaignLottery.js'
export {
  type EndCampaignErrorType,
  type EndCampaignParameters,
  type EndCampaignReturnType,
  endCampaign,
} from './actions/campaigns/endCampaign.js'
export {
  type EstimateCampaignAudienceErrorType,
  type EstimateCampaignAudienceParameters,
  type EstimateCampaignAudienceReturnType,
  estimateCampaignAudience,
} from './actions/campaigns/estimateCampaignAudience.js'
export {
  type GetCampaignErrorType,
  type GetCampaignParameters,
  type GetCampaignReturnType,
  getCampaign,
} from './actions/campaigns/getCampaign.js'
export {
  type GetCampaignStatsErrorType,
  type GetCampaignStatsParameters,
  type GetCampaignStatsReturnType,
  getCampaignStats,
} from './actions/campaigns/getCampaignStats.js'
export {
  type ListCampaignClaimsErrorType,
  type ListCampaignClaimsParameters,
  type ListCampaignClaimsReturnType,
  listCampaignClaims,
} from './actions/campaigns/listCampaignClaims.js'
export {
  type ListCampaignsErrorType,
  type ListCampaignsParameters,
  type ListCampaignsReturnType,
  listCampaigns,
} from './actions/campaigns/listCampaigns.js'
export {
  type PauseCampaignErrorType,
  type PauseCampaignParameters,
  type PauseCampaignReturnType,
  pauseCampaign,
} from './actions/campaigns/pauseCampaign.js'
export {
  type ResumeCampaignErrorType,
  type ResumeCampaignParameters,
  type ResumeCampaignReturnType,
  resumeCampaign,
} from './actions/campaigns/resumeCampaign.js'
export {
  type ScheduleCampaignErrorType,
  type ScheduleCampaignParameters,
  type ScheduleCampaignReturnType,
  scheduleCampaign,
} from './actions/campaigns/scheduleCampaign.js'
export {
  type UpdateCampaignErrorType,
  type UpdateCampaignParameters,
  type UpdateCampaignReturnType,
  updateCampaign,
} from './actions/campaigns/updateCampaign.js'
export {
  type CreateGovBillErrorType,
  type CreateGovBillParameters,
  type CreateGovBillReturnType,
  createGovBill,
} from './actions/gov/createGovBill.js'
export {
  type GetGovAgencyStatementErrorType,
  type GetGovAgencyStatementParameters,
  type GetGovAgencyStatementReturnType,
  getGovAgencyStatement,
} from './actions/gov/getGovAgencyStatement.js'
export {
  type GetGovBillErrorType,
  type GetGovBillParameters,
  type GetGovBillReturnType,
  getGovBill,
} from './actions/gov/getGovBill.js'
export {
  type GetGovBillReceiptErrorType,
  type GetGovBillReceiptParameters,
  type GetGovBillReceiptReturnType,
  getGovBillReceipt,
} from './actions/gov/getGovBillReceipt.js'
export {
  type GetGovPaymentBillErrorType,
  type GetGovPaymentBillParameters,
  type GetGovPaymentBillReturnType,
  getGovPaymentBill,
} from './actions/gov/getGovPaymentBill.js'
export {
  type ListGovBillEBillsErrorType,
  type ListGovBillEBillsParameters,
  type ListGovBillEBillsReturnType,
  listGovBillEBills,
} from './actions/gov/listGovBillEBills.js'
export {
  type PayGovBillByQrErrorType,
  type PayGovBillByQrParameters,
  type PayGovBillByQrReturnType,
  payGovBillByQr,
} from './actions/gov/payGovBillByQr.js'
export {
  type QrForPaymentBillErrorType,
  type QrForPaymentBillParameters,
  type QrForPaymentBillReturnType,
  qrForPaymentBill,
} from './actions/gov/qrForPaymentBill.js'
export {
  govLateFeeRules,
  type RegisterGovBillErrorType,
  type RegisterGovBillParameters,
  type RegisterGovBillReturnType,
  registerGovBill,
} from './actions/gov/registerGovBill.js'
// Onboarding
export {
  type CreateMerchantApplicationErrorType,
  type CreateMerchantApplicationParameters,
  type CreateMerchantApplicationReturnType,
  createMerchantApplication,
} from './actions/onboarding/createMerchantApplication.js'
export {
  type CreateQrCodeErrorType,
  type CreateQrCodeParameters,
  type CreateQrCodeReturnType,
  createQrCode,
} from './actions/onboarding/createQrCode.js'
export {
  type CreateSceneErrorType,
  type CreateSceneParameters,
  type CreateSceneReturnType,
  createScene,
  maxOfflineTapAmount,
} from './actions/onboarding/createScene.js'
export {
  type CreateTerminalErrorType,
  type CreateTerminalParameters,
  type CreateTerminalReturnType,
  createTerminal,
} from './actions/onboarding/createTerminal.js'
export {
  type GetMerchantErrorType,
  type GetMerchantParameters,
  type GetMerchantReturnType,
  getMerchant,
} from './actions/onboarding/getMerchant.js'
export {
  type SubmitMerchantApplicationErrorType,
  type SubmitMerchantApplicationParameters,
  type SubmitMerchantApplicationReturnType,
  submitMerchantApplication,
} from './actions/onboarding/submitMerchantApplication.js'
export {
  type UpdateMerchantApplicationErrorType,
  type UpdateMerchantApplicationParameters,
  type UpdateMerchantApplicationReturnType,
  updateMerchantApplication,
} from './actions/onboarding/updateMerchantApplication.js'
export {
  type DocumentContentType,
  documentContentTypes,
  type MerchantDocument,
  maxDocumentBytes,
  requiredDocumentTypes,
  type UploadMerchantDocumentErrorType,
  type UploadMerchantDocumentParameters,
  type UploadMerchantDocumentReturnType,
  uploadMerchantDocument,
} from './actions/onboarding/uploadMerchantDocument.js'
// Orders and refunds
export {
  type CancelOrderErrorType,
  type CancelOrderParameters,
  type CancelOrderReturnType,
  cancelOrder,
} from './actions/orders/cancelOrder.js'
export {
  type CloseOrderErrorType,
  type CloseOrderParameters,
  type CloseOrderReturnType,
  closeOrder,
} from './actions/orders/closeOrder.js'
export {
  type CreateAppHandoffErrorType,
  type CreateAppHandoffParameters,
  type CreateAppHandoffReturnType,
  createAppHandoff,
} from './actions/orders/createAppHandoff.js'
export {
  type CreateOrderErrorType,
  type CreateOrderParameters,
  type CreateOrderReturnType,
  createOrder,
} from './actions/orders/createOrder.js'
export { type GetOrderParameters, type GetOrderReturnType, getOrder } from './actions/orders/getOrder.js'
export {
  type GetOrderByMerchantOrderNoErrorType,
  type GetOrderByMerchantOrderNoParameters,
  type GetOrderByMerchantOrderNoReturnType,
  getOrderByMerchantOrderNo,
} from './actions/orders/getOrderByMerchantOrderNo.js'
export {
  createMemoryInFlightCreateStore,
  defaultUnresolvedLimit,
  type InFlightCreate,
  type InFlightCreateRef,
  type InFlightCreateRequest,
  type InFlightCreateStore,
  inFlightCreateKey,
  type MemoryInFlightCreateStore,
  type UnresolvedCreatesQuery,
} from './actions/orders/inFlightCreateStore.js'
export {
  type ListInFlightCreatesErrorType,
  type ListInFlightCreatesParameters,
  type ListInFlightCreatesReturnType,
  listInFlightCreates,
} from './actions/orders/listInFlightCreates.js'
export {
  type RecoveredCreate,
  type RecoverInFlightCreatesErrorType,
  type RecoverInFlightCreatesParameters,
  type RecoverInFlightCreatesReturnType,
  recoverInFlightCreates,
} from './actions/orders/recoverInFlightCreates.js'
export {
  type ResolveUnknownOutcomeErrorType,
  type ResolveUnknownOutcomeParameters,
  type ResolveUnknownOutcomeReturnType,
  resolveUnknownOutcome,
} from './actions/orders/resolveUnknownOutcome.js'
export {
  isFinalOrder,
  type WaitForOrderFinalParameters,
  type WaitForOrderFinalReturnType,
  waitForOrderFinal,
} from './actions/orders/waitForOrderFinal.js'
export {
  type AdjustWalletPointsErrorType,
  type AdjustWalletPointsParameters,
  type AdjustWalletPointsReturnType,
  adjustWalletPoints,
} from './actions/points/adjustWalletPoints.js'
export {
  type GetWalletPointsErrorType,
  type GetWalletPointsParameters,
  type GetWalletPointsReturnType,
  getWalletPoints,
} from './actions/points/getWalletPoints.js'
export {
  type ListWalletPointsEntriesErrorType,
  type ListWalletPointsEntriesParameters,
  type ListWalletPointsEntriesReturnType,
  listWalletPointsEntries,
} from './actions/points/listWalletPointsEntries.js'
export {
  type DepositToPointsFundParameters,
  depositToPointsFund,
  getPointsFund,
  type PointsFundErrorType,
  type PointsFundReturnType,
} from './actions/points/pointsFundActions.js'
export {
  getPointsRules,
  type PointsRulesErrorType,
  type PointsRulesReturnType,
  type UpdatePointsRulesParameters,
  updatePointsRules,
} from './actions/points/pointsRulesActions.js'
export {
  type CreateRefundErrorType,
  type CreateRefundParameters,
  type CreateRefundReturnType,
  createRefund,
} from './actions/refunds/createRefund.js'
export {
  type GetRefundErrorType,
  type GetRefundParameters,
  type GetRefundReturnType,
  getRefund,
} from './actions/refunds/getRefund.js'
export {
  type ListRefundsErrorType,
  type ListRefundsParameters,
  type ListRefundsReturnType,
  listRefunds,
} from './actions/refunds/listRefunds.js'
// Statements, transit, government
export {
  type DownloadStatementErrorType,
  type DownloadStatementParameters,
  type DownloadStatementReturnType,
  downloadStatement,
} from './actions/statements/downloadStatement.js'
export {
  type CloseTransitDayParameters,
  closeTransitDay,
  type IssueRideCodeParameters,
  issueRideCode,
  type RideCode,
  type RideScan,
  type ScanRideCodeParameters,
  scanRideCode,
  type TransitDay,
} from './actions/transit/rideCodes.js'
export {
  maxTapBatchSize,
  type TapInput,
  type TapResult,
  type UploadTapBatchErrorType,
  type UploadTapBatchParameters,
  type UploadTapBatchReturnType,
  uploadTapBatch,
} from './actions/transit/uploadTapBatch.js'
// Client and decorators
export {
  createMerchantClient,
  type MerchantClient,
  type MerchantClientConfig,
} from './client/createMerchantClient.js'
export { type CampaignActions, campaignActions } from './client/decorators/campaignActions.js'
export { type GovActions, govActions } from './client/decorators/govActions.js'
export {
  type NotificationActions,
  type NotificationOptions,
  notificationActions,
} from './client/decorators/notificationActions.js'
export { type OnboardingActions, onboardingActions } from './client/decorators/onboardingActions.js'
export { type OrderActions, orderActions } from './client/decorators/orderActions.js'
export type { PointsActions } from './client/decorators/pointsActions.js'
export { type RefundActions, refundActions } from './client/decorators/refundActions.js'
export { type StatementActions, statementActions } from './client/decorators/statementActions.js'
export { type TransitActions, transitActions } from './client/decorators/transitActions.js'
export type { MerchantBaseClient } from './client/MerchantBaseClient.js'
export { type IdType, idTypes } from './internal/merchantSchemas.js'
// Notifications
export {
  ackNotification,
  ackNotificationResponse,
  type NotificationAck,
  notificationAckBody,
} from './notifications/ack.js'
export {
  createExpressNotificationVerifier,
  type ExpressNotificationVerifier,
  type ExpressNotificationVerifierOptions,
  type ExpressRequestLike,
} from './notifications/adapters/createExpressNotificationVerifier.js'
export {
  createFetchNotificationHandler,
  type FetchNotificationHandler,
} from './notifications/adapters/createFetchNotificationHandler.js'
export {
  createFetchNotificationVerifier,
  type FetchNotificationVerifier,
} from './notifications/adapters/createFetchNotificationVerifier.js'
export {
  createExpressNotificationHandler,
  createNodeNotificationHandler,
  type NodeNotificationHandler,
  type NodeNotificationHandlerOptions,
  type NodeResponseLike,
} from './notifications/adapters/createNodeNotificationHandler.js'
export {
  createNodeNotificationVerifier,
  type NodeNotificationVerifier,
  type NodeNotificationVerifierOptions,
} from './notifications/adapters/createNodeNotificationVerifier.js'
export { defaultMaxNotificationBytes, type NodeRequestLike } from './notifications/adapters/readNodeBody.js'
export type { JSONWebKeySetLike } from './notifications/gatewayKeys.js'
export {
  handleNotification,
  type NotificationAnswer,
  type NotificationEventHandler,
  type NotificationHandlerOptions,
} from './notifications/handleNotification.js'
export type { HeadersInput } from './notifications/headers.js'
export type {
  MerchantNotificationEvent,
  MerchantNotificationType,
} from './notifications/notificationEvent.js'
export type { NotificationOperator } from './notifications/notificationOperator.js'
export type { RawBody } from './notifications/rawBody.js'
export {
  createMemoryReplayStore,
  type MemoryReplayStore,
  type MemoryReplayStoreOptions,
  type ReplayClaim,
  type ReplayStore,
} from './notifications/replayStore.js'
export {
  createTestNotificationKeys,
  type SignedTestNotification,
  type SignTestNotificationOptions,
  signTestNotification,
  type TestNotificationInput,
  type TestNotificationKeys,
  type TestPrivateJwk,
} from './notifications/signTestNotification.js'
export {
  defaultClaimTtlSeconds,
  defaultReplayTtlSeconds,
  getDefaultReplayStore,
  type NotificationStoreOptions,
  notificationSignatureType,
  type VerifyNotificationOptions,
  verifyNotification,
} from './notifications/verifyNotification.js'
export { type RenderQrOptions, renderQrPng, renderQrSvg } from './qr/renderQr.js'

// Reconciliation (src/reconcile)
export * from './reconcile/index.js'

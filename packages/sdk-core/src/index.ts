/**
 * `@ecny/sdk-core`: the e-CNY SDK's transport, money, identifiers, errors, and wallet-side actions.
 * @packageDocumentation
 */

export {
  type ClientConfig,
  type ClientTokenSource,
  type Environment,
  environments,
  type ServerCredentials,
} from './client/config.js'
export { createBaseClient, type EcnyBaseClient } from './client/createBaseClient.js'
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
export { docsUrlFor, type EcnyErrorCategory, type EcnyErrorCode, errorCodes } from './errors/errorCodes.js'
export type {
  DocumentType,
  GovBill,
  Merchant,
  QrCode,
  Scene,
  TapBatch,
  Terminal,
} from './protocol/merchants.js'
export type { NotificationEvent, NotificationType } from './protocol/notifications.js'
export type {
  ClientToken,
  Order,
  OrderMode,
  OrderStatus,
  QrResolution,
  Refund,
  Transfer,
} from './protocol/orders.js'
export { finalOrderStatuses } from './protocol/orders.js'
export type {
  Balance,
  PaymentCode,
  SubWallet,
  Wallet,
  WalletLevel,
  WalletLimits,
  WalletTransaction,
  WalletType,
} from './protocol/wallets.js'
export {
  allowedAlgorithms,
  type CreateKeySignerParameters,
  createKeySigner,
  type PrivateKeyInput,
  type SigningAlgorithm,
} from './transport/createKeySigner.js'
export type { CallOptions } from './transport/request.js'
export type { Signer } from './transport/Signer.js'

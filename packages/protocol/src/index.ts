/**
 * `@ecny/protocol`: the reference e-CNY gateway protocol as one contract — the operation table,
 * request and response schemas, headers, signature types and field limits. The SDK and the
 * simulator both build on it; the OpenAPI document is generated from it.
 */
export * from './constants/headers.js'
export * from './constants/limits.js'
export * from './constants/signatureTypes.js'
export * from './openapi/buildOpenApiDocument.js'
export * from './operations/defineOperation.js'
export * from './operations/operations.js'
export * from './requests/campaigns.js'
export * from './requests/clientTokens.js'
export * from './requests/contractPayment.js'
export * from './requests/fields.js'
export * from './requests/govPaymentBills.js'
export * from './requests/merchants.js'
export * from './requests/orders.js'
export * from './requests/queries.js'
export * from './requests/transfers.js'
export * from './requests/wallets.js'
export * from './schemas/campaigns.js'
export * from './schemas/common.js'
export * from './schemas/govPaymentBills.js'
export * from './schemas/merchants.js'
export * from './schemas/notifications.js'
export * from './schemas/orders.js'
export * from './schemas/statements.js'
export * from './schemas/wallets.js'

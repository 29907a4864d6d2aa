/**
 * `@ecny/mock-rails`: a stateful simulator of the e-CNY gateway with three doors — in-process
 * (`createRails`), msw handlers (`railsHandlers`) and a loopback HTTP sandbox (`startSandbox`).
 */

export { buildOpenApiDocument } from '@ecny/protocol'
export {
  type CmbDoor,
  type CmbDoorSettings,
  type CmbGatewayKeys,
  type CmbMerchantRegistration,
  type CmbNotificationRecord,
  type CmbTestCredentials,
  type CreateCmbDoorOptions,
  createCmbDoor,
  generateCmbGatewayKeys,
  seedCmbMerchant,
} from './cmb/index.js'
export {
  type CreateRailsOptions,
  createRails,
  type DemoAppCredentials,
  type Rails,
  type RailsSnapshot,
} from './createRails.js'
export {
  type CampaignPort as CampaignHooks,
  noCampaigns as defaultCampaignHooks,
  type TransferHookInput,
} from './engine/campaignPort.js'
export type { Engine } from './engine/createEngine.js'
export { type CapSet, defaultLevelCaps, type LevelCapTable } from './engine/levelCaps.js'
export type { FaultOptions, FaultSettings } from './faults/faultInjector.js'
export type { LedgerVerification } from './ledger/ledger.js'
export type { MerchantDomain } from './merchants/createMerchantDomain.js'
export { type RailsHandlersOptions, railsHandlers } from './msw/railsHandlers.js'
export type { DeliveryReport } from './notifications/notificationOutbox.js'
export { notificationRetrySchedule } from './notifications/retrySchedule.js'
export { defaultRefundWindowDays, type RefundFunding, type RefundRules } from './orders/refundRules.js'
export { parseFaultSpec } from './sandbox/parseFaultSpec.js'
export { type Sandbox, type StartSandboxOptions, startSandbox } from './sandbox/startSandbox.js'
export type { MerchantRecord, MerchantStore } from './state/merchantStore.js'
export type { RailsClock } from './support/railsClock.js'
export { RailsError } from './support/railsError.js'
export type { TestControls } from './testControls/createTestControls.js'
export type { TriggerOrderEventParameters } from './testControls/triggerOrderEvent.js'

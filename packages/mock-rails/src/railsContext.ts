import type { HandoffKeyRing } from './appPay/handoffKeyRing.js'
import type { CampaignEngine } from './campaigns/createCampaignEngine.js'
import type { Engine } from './engine/createEngine.js'
import type { Ledger } from './ledger/ledger.js'
import type { MerchantDomain } from './merchants/createMerchantDomain.js'
import type { NotificationOutbox } from './notifications/notificationOutbox.js'
import type { GatewayKeyRing } from './signing/gatewayKeyRing.js'
import type { MerchantStore } from './state/merchantStore.js'
import type { RailsClock } from './support/railsClock.js'
import type { TestControls } from './testControls/createTestControls.js'

/**
 * The rails, composed: built once by `createRails` (nothing is set on it afterwards) and handed to
 * every route in its `RouteInput`, so a route reaches each domain directly instead of looking it up.
 *
 * @example
 * handle: ({ campaigns, params }) => campaigns.get(params.id!)
 */
export type RailsContext = {
  /** The payment engine: wallets, payment codes, orders, refunds, transfers. */
  engine: Engine
  /** The campaign engine: administration, claims, lottery draws, wallet tags, stats. */
  campaigns: CampaignEngine
  /** The merchant domain: applications, scenes, terminals, QR codes, bills, taps, statements. */
  merchants: MerchantDomain
  /** The merchant records everything reads (seeded merchants and applications alike). */
  merchantRecords: MerchantStore
  outbox: NotificationOutbox
  /** The gateway's signing keys, for documents it certifies (signed e-bills). */
  keys: GatewayKeyRing
  /** The wallet operator's keys that merchants seal app / H5 hand-offs to. */
  handoffKeys: HandoffKeyRing
  clock: RailsClock
  ledger: Ledger
  /** Clock, triggers, notifications, faults and ledger checks of test mode (`/v1/test/…`). */
  testControls: TestControls
}

import type { Ledger } from '../ledger/ledger.js'
import type { RefundRules } from '../orders/refundRules.js'
import type { MerchantRecord, MerchantStore } from '../state/merchantStore.js'
import type { RailsState } from '../state/railsState.js'
import type { OrderRecord, RefundRecord } from '../state/records.js'
import type { RandomSource } from '../support/mulberry32.js'
import type { RailsClock } from '../support/railsClock.js'
import type { PaymentPasswordRules } from '../wallets/paymentPassword.js'
import type { CampaignPort } from './campaignPort.js'
import type { LevelCapTable } from './levelCaps.js'
import type { PointsPort } from './pointsPort.js'

/** An event the rails raise for the notification outbox (merchant reviews come from the merchant domain). */
export type EngineEvent =
  | { type: 'order.succeeded' | 'order.failed' | 'order.closed'; order: OrderRecord }
  | { type: 'refund.succeeded' | 'refund.failed'; refund: RefundRecord; order: OrderRecord }
  | { type: 'merchant.approved' | 'merchant.rejected'; merchant: MerchantRecord }

/**
 * What every rails operation works with, campaigns aside: state, clock, ledger, randomness, caps.
 * The campaign engine and the merchant domain are built on it; `createRails` builds it once.
 */
export type CoreContext = {
  state: RailsState
  clock: RailsClock
  ledger: Ledger
  /** Seeded; drives payment-code digits, so a seeded run prints the same codes. */
  random: RandomSource
  levelCaps: LevelCapTable
  merchants: MerchantStore
  paymentCodeTtlMs: number
  /** The operator-set refund window and funding rule. */
  refundRules: RefundRules
  /** Wrong-password freeze, password-free limit and the sandbox default password. */
  paymentPassword: PaymentPasswordRules
  /** Earliest instant an open order may expire; before it, the expiry sweep has nothing to do. */
  expirySweep: { nextAt: number }
  /** Receives events; the notification outbox queues them. */
  emit(event: EngineEvent): void
}

/**
 * What every payment-engine operation works with: the core, and the ports through which payments,
 * transfers and refunds call campaigns and the points programme (the engine knows them only so).
 */
export type EngineContext = CoreContext & { campaigns: CampaignPort; points?: PointsPort }

/** The next id of a kind: `ord_0000001k`. Sequential per rails, so seeded runs are reproducible. */
export function nextId(ctx: CoreContext, prefix: string): string {
  const n = (ctx.state.counters[prefix] ?? 0) + 1
  ctx.state.counters[prefix] = n
  return `${prefix}_${n.toString(36).padStart(8, '0')}`
}

/**
 * A 16-digit wallet id (DOMAIN.md §2: wallet ids are 16 digits). `0099` marks simulator personal and
 * corporate wallets, `0098` sub-wallets; the rest is a sequence number.
 */
export function nextWalletId(ctx: CoreContext, kind: 'wallet' | 'sub_wallet'): string {
  const key = kind === 'wallet' ? 'wallet' : 'sub_wallet'
  const n = (ctx.state.counters[key] ?? 0) + 1
  ctx.state.counters[key] = n
  return `${kind === 'wallet' ? '0099' : '0098'}${String(n).padStart(12, '0')}`
}

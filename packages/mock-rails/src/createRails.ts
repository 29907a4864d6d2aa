import { buildOpenApiDocument } from '@ecny/protocol'
import { exportJWK, generateKeyPair, type JWK } from 'jose'
import { createHandoffKeyRing, type HandoffKeyRecord } from './appPay/handoffKeyRing.js'
import { type CampaignEngine, createCampaignEngine } from './campaigns/createCampaignEngine.js'
import type { CampaignPort } from './engine/campaignPort.js'
import { createEngine, type Engine } from './engine/createEngine.js'
import type { CoreContext } from './engine/engineContext.js'
import { type CapSet, mergeLevelCaps } from './engine/levelCaps.js'
import type { SeedMerchantParameters } from './engine/seedMerchant.js'
import { createFaultInjector, type FaultOptions } from './faults/faultInjector.js'
import { allRoutes } from './http/allRoutes.js'
import { type AppRecord, createAppRegistry, type RegisterAppParameters } from './http/auth/appRegistry.js'
import { createClientTokenStore } from './http/auth/clientTokens.js'
import { createReplayCache } from './http/auth/replayCache.js'
import { maxRequestSkewSeconds } from './http/auth/verifyRequestSignature.js'
import { createHttpDoor } from './http/createHttpDoor.js'
import { gatewayOperations } from './http/gatewayOperations.js'
import { createIdempotencyStore } from './http/idempotencyStore.js'
import { createLedger, type Ledger } from './ledger/ledger.js'
import { createMerchantDomain, type MerchantDomain } from './merchants/createMerchantDomain.js'
import {
  createNotificationOutbox,
  type NotificationOutbox,
  type NotificationOutboxState,
} from './notifications/notificationOutbox.js'
import { expireDueOrders } from './orders/expireDueOrders.js'
import { type RefundRules, refundRulesFrom } from './orders/refundRules.js'
import type { RailsContext } from './railsContext.js'
import { createGatewayKeyRing, type GatewayKeyRecord } from './signing/gatewayKeyRing.js'
import { type MerchantStore, mapMerchantStore } from './state/merchantStore.js'
import { setRailsInternals } from './state/railsInternals.js'
import { createRailsState, type RailsState } from './state/railsState.js'
import type { WalletLevel } from './state/records.js'
import { restoreRailsState } from './state/restoreRailsState.js'
import { decodeMaps, encodeMaps } from './state/snapshotCodec.js'
import { mulberry32, normalizeSeed } from './support/mulberry32.js'
import { createRailsClock, type RailsClock } from './support/railsClock.js'
import { createTestControls, type TestControls } from './testControls/createTestControls.js'
import { defaultPaymentCodeTtlMs } from './wallets/createPaymentCode.js'
import { type PaymentPasswordRules, paymentPasswordRulesFrom } from './wallets/paymentPassword.js'

export type CreateRailsOptions = {
  /** Seeds fault injection, payment-code digits and notification faults. Same seed → same run. */
  seed?: number | string
  faults?: FaultOptions
  /**
   * `manual` (default) stands still until `clock.advance()`/`clock.set()`; `system` follows the
   * machine's clock (the sandbox). `start` defaults to now, so request signatures made with the real
   * time pass the ±300 s check; tests that move the clock should sign with `rails.clock.now()`.
   */
  clock?: { mode?: 'manual' | 'system'; start?: Date | number | string }
  /** Overrides of the per-level caps in fen (DOMAIN.md §2 defaults). */
  levelCaps?: Partial<Record<WalletLevel, Partial<CapSet>>>
  /** Life of a payment code. Default 60 s. */
  paymentCodeTtlSeconds?: number
  /**
   * The operator-set refund rules: `windowDays` after payment within which refunds are accepted
   * (default 365, unconfirmed for e-CNY), and `funding`: `settlement_balance` (default) or
   * `same_day_incoming`, where a refund larger than the merchant's incoming of the day is refused
   * with the retryable `refund_funding_insufficient` (CMB `MCH_FORWARD_AMOUNT_LESS`).
   */
  refunds?: Partial<RefundRules>
  /**
   * Payment passwords on wallet-side payments: `maxAttempts` wrong passwords in a row (default 5,
   * m.gucheng.com 2022-02) freeze the wallet's payments for `freezeMs` (default 24 h, unconfirmed);
   * `passwordFreeLimit` (fen, default `null` = any amount) is how much may be paid without one;
   * `sandboxDefault` (default `'123456'`) is the password of wallets opened without one.
   */
  paymentPassword?: Partial<PaymentPasswordRules>
  /**
   * How the engine calls campaigns (transfer rewards, order benefits, refund clawbacks, eligibility):
   * its campaign port. Default: the rails' own campaign engine (`rails.campaigns`).
   */
  campaignHooks?: CampaignPort
  /** Builds the merchant store over the rails' merchant map (default: the map itself). */
  merchantStore?: (merchants: RailsState['merchants']) => MerchantStore
  notifications?: { historyLimit?: number; timeoutMs?: number; fetch?: typeof fetch }
  /** Start from a saved `snapshot()`. */
  state?: RailsSnapshot
  /**
   * Serve the test-mode controls over HTTP (`/v1/test/…`: clock, triggers, notifications, faults,
   * ledger). Default `true`; `false` answers them 403 `permission_denied`, as a live gateway would.
   * `rails.testControls` works in process either way.
   */
  testMode?: boolean
}

/**
 * Everything needed to bring rails back: the engine state (wallets, orders, campaigns, merchants and
 * their scenes, terminals, bills and taps), clock, keys, apps and pending notifications.
 */
export type RailsSnapshot = {
  version: 1
  clock: number
  randomState: number
  state: unknown
  gatewayKeys: GatewayKeyRecord[]
  /** The wallet operator's app hand-off keys (absent in snapshots made before hand-offs were sealed). */
  appHandoffKeys?: HandoffKeyRecord[]
  apps: AppRecord[]
  notifications: NotificationOutboxState
}

/** A ready-to-use credential: what `createClient({ credentials })` takes. */
export type DemoAppCredentials = { appId: string; kid: string; privateKey: JWK; publicJwk: JWK }

export type Rails = {
  /** The protocol over the Fetch API: one code path for msw, the sandbox and direct calls. */
  handle(request: Request): Promise<Response>
  /** Direct synchronous operations (no HTTP, no signatures). */
  engine: Engine
  /** The campaign engine: administration, claims, lottery draws, wallet tags, stats (no HTTP). */
  campaigns: CampaignEngine
  /**
   * The merchant domain: applications and their review, documents, scenes, terminals, QR codes,
   * government bills, transit tap batches, daily statements (no HTTP). Review outcomes go out as
   * `merchant.approved` / `merchant.rejected` notifications with the others.
   */
  merchantDomain: MerchantDomain
  clock: RailsClock
  ledger: Ledger
  notifications: NotificationOutbox
  faults: { get(): FaultOptions; set(options: FaultOptions): void }
  /** Test-mode controls in process (what `/v1/test/…` serves): clock, triggers, resend, listen, faults, ledger. */
  testControls: TestControls
  registerApp(params: RegisterAppParameters): { appId: string; kid: string }
  /** Generates an ES256 key pair at run time and registers a new app with its public key. */
  createDemoApp(params?: { appId?: string; merchantIds?: string[] }): Promise<DemoAppCredentials>
  /** An approved merchant with a WT09 settlement wallet, ready to take payments. */
  seedMerchant(params?: SeedMerchantParameters): ReturnType<Engine['seedMerchant']>
  /** The merchant records (seeded merchants and applications alike). */
  merchants: MerchantStore
  /** Adds a gateway signing key; the old one stays in the JWKS. */
  rotateGatewayKey(): Promise<{ kid: string }>
  jwks(): Promise<{ keys: JWK[] }>
  /** Plain JSON of the whole state (contains the gateway's private keys: keep it out of git). */
  snapshot(): RailsSnapshot
  /**
   * Puts the rails back to a snapshot, in place: the same `rails` object, and every handle taken from
   * it (`notifications`, `engine`, `campaigns`, `merchants`, …), shows the restored state. Client
   * tokens, nonces and idempotency records start empty; automatic notification delivery stops.
   */
  restore(snapshot: RailsSnapshot): void
}

/**
 * Creates in-process rails: a stateful simulator of the e-CNY gateway with a double-entry ledger,
 * wallet levels and caps, order/refund state machines, idempotency, signature checks, signed
 * notifications and seeded fault injection.
 *
 * @example
 * const rails = createRails({ seed: 42 })
 * const merchant = rails.seedMerchant({ notifyUrl: 'https://shop.example/notify' })
 * const wallet = rails.engine.openWallet({ level: 'WL04', mobile: '13800138000' })
 * rails.engine.topUp(wallet.id, { amount: 10_000, bankCard: '6222020200112233445' })
 * const order = rails.engine.createOrder({
 *   merchantId: merchant.id, merchantOrderNo: 'A-1', amount: 1_250, description: 'Coffee', mode: 'qr',
 * })
 * rails.engine.payOrder(order.id, { walletId: wallet.id })
 * await rails.notifications.deliverDue()
 */
export function createRails(options: CreateRailsOptions = {}): Rails {
  const seed = normalizeSeed(options.seed)
  const saved = options.state
  const clock = createRailsClock({
    mode: options.clock?.mode,
    start: saved?.clock ?? options.clock?.start ?? Date.now(),
  })
  const state = createRailsState()
  const ledger = createLedger(state.ledger)
  const merchantRecords = (options.merchantStore ?? mapMerchantStore)(state.merchants)
  const random = mulberry32(seed)
  const faultInjector = createFaultInjector(seed ^ 0x9e3779b9, options.faults)
  // On the system clock (the sandbox), signatures follow the machine's time, so moving the rails'
  // clock forward in test mode leaves request, response and notification signatures valid.
  const signatureClock = clock.mode === 'system' ? createRailsClock({ mode: 'system' }) : clock
  const keys = createGatewayKeyRing(signatureClock)
  const handoffKeys = createHandoffKeyRing()
  const apps = createAppRegistry()
  const outbox = createNotificationOutbox({
    clock,
    keys,
    merchants: merchantRecords,
    random: mulberry32(seed ^ 0x85ebca6b),
    faults: () => faultInjector.get(),
    ...options.notifications,
  })
  const core: CoreContext = {
    state,
    clock,
    ledger,
    random,
    levelCaps: mergeLevelCaps(options.levelCaps),
    merchants: merchantRecords,
    paymentCodeTtlMs: (options.paymentCodeTtlSeconds ?? defaultPaymentCodeTtlMs / 1000) * 1000,
    refundRules: refundRulesFrom(options.refunds),
    paymentPassword: paymentPasswordRulesFrom(options.paymentPassword),
    expirySweep: { nextAt: Number.NEGATIVE_INFINITY },
    emit: (event) => {
      outbox.enqueue(event)
    },
  }
  clock.onChange(() => expireDueOrders(core))
  const campaigns = createCampaignEngine(core)
  const engine = createEngine({
    ...core,
    campaigns: options.campaignHooks ?? campaigns.hooks,
    points: campaigns.points.hooks,
  })
  const testControls = createTestControls({
    core,
    engine,
    clock,
    outbox,
    faults: faultInjector,
    ledger,
    enabled: options.testMode ?? true,
  })
  const context: RailsContext = {
    engine,
    campaigns,
    merchants: createMerchantDomain(core, engine),
    merchantRecords,
    outbox,
    keys,
    handoffKeys,
    clock,
    ledger,
    testControls,
  }
  const tokens = createClientTokenStore()
  const replays = createReplayCache(maxRequestSkewSeconds * 1000)
  const idempotency = createIdempotencyStore()
  const door = createHttpDoor({
    context,
    clock,
    signatureClock,
    apps,
    tokens,
    replays,
    idempotency,
    faults: faultInjector,
    keys,
    routes: allRoutes,
    openapi: () => buildOpenApiDocument(gatewayOperations),
  })

  const rails: Rails = {
    handle: door,
    engine,
    campaigns,
    merchantDomain: context.merchants,
    clock,
    ledger,
    notifications: outbox,
    faults: faultInjector,
    testControls,
    merchants: merchantRecords,
    registerApp: (params) => apps.register(params),
    async createDemoApp(params = {}) {
      const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true })
      state.counters.demoApp = (state.counters.demoApp ?? 0) + 1
      const appId = params.appId ?? `app_demo_${state.counters.demoApp}`
      const kid = `${appId}-key-1`
      const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256' }
      rails.registerApp({ appId, publicJwk, ...(params.merchantIds && { merchantIds: params.merchantIds }) })
      return { appId, kid, privateKey: { ...(await exportJWK(privateKey)), kid, alg: 'ES256' }, publicJwk }
    },
    seedMerchant: (params) => engine.seedMerchant(params),
    rotateGatewayKey: () => keys.rotate(),
    jwks: () => keys.jwks(),
    snapshot() {
      return {
        version: 1,
        clock: clock.now(),
        randomState: random.state(),
        state: encodeMaps(state),
        gatewayKeys: keys.export(),
        appHandoffKeys: handoffKeys.export(),
        apps: apps.export(),
        notifications: outbox.export(),
      }
    },
    restore(snapshot) {
      if (snapshot.version !== 1)
        throw new TypeError(`Unknown rails snapshot version ${String(snapshot.version)}`)
      restoreRailsState(state, decodeMaps(snapshot.state) as RailsState)
      random.restore(snapshot.randomState)
      clock.set(snapshot.clock)
      keys.load(snapshot.gatewayKeys)
      handoffKeys.load(snapshot.appHandoffKeys ?? [])
      apps.load(snapshot.apps)
      outbox.stopAutomatic()
      outbox.load(snapshot.notifications)
      core.expirySweep.nextAt = Number.NEGATIVE_INFINITY
      // Tokens, nonces and idempotency records are not in a snapshot: the restored rails start without them.
      tokens.clear()
      replays.clear()
      idempotency.clear()
    },
  }
  if (saved) rails.restore(saved)
  setRailsInternals(rails, { state, random, keys, apps, outbox, idempotency })
  return rails
}

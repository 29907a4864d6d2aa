import type { Rails } from '../createRails.js'
import type { Engine } from '../engine/createEngine.js'
import type { RailsState } from '../state/railsState.js'
import { decodeMaps } from '../state/snapshotCodec.js'
import { RailsError } from '../support/railsError.js'
import { serveStatementsAsCsv } from './csvResponses.js'
import { createGatewaySigner } from './gatewaySigner.js'
import { createMerchantDomain, type MerchantDomain, type MerchantDomainHost } from './merchantDomain.js'
import { createMerchantNotifications, type MerchantNotifications } from './merchantNotifications.js'

export type AttachedMerchantDomain = MerchantDomain & {
  /** Review outcomes (`merchant.approved` / `merchant.rejected`) waiting for or done with delivery. */
  notifications: MerchantNotifications
}

const domains = new WeakMap<Engine, AttachedMerchantDomain>()

export type AttachMerchantDomainOptions = Partial<MerchantDomainHost> & {
  /** Fetch used to deliver merchant notifications. Default the global `fetch`. */
  fetch?: typeof fetch
  /** Real ms between automatic delivery rounds of merchant notifications when the clock is `system`. Default 250. */
  notificationIntervalMs?: number
}

/**
 * Gives rails the merchant domain (applications and review, scenes, terminals, QR codes, government
 * bills, transit taps, statements), served by the `/v1/merchants`, `/v1/scenes`, `/v1/gov`,
 * `/v1/transit` and `/v1/statements` routes. Idempotent: returns the domain already attached.
 *
 * Review outcomes (`merchant.approved` / `merchant.rejected`) are delivered with the rails' other
 * notifications: `rails.notifications.deliverDue()` sends them too, and with a `system` clock (the
 * sandbox) they go out on a timer until `rails.notifications.stopAutomatic()`.
 *
 * @example
 * const rails = createRails()
 * const merchants = attachMerchantDomain(rails)
 * await rails.notifications.deliverDue() // orders, refunds and merchant reviews
 */
export function attachMerchantDomain(
  rails: Rails,
  options: AttachMerchantDomainOptions = {},
): AttachedMerchantDomain {
  const existing = domains.get(rails.engine)
  if (existing) return existing
  const { fetch: fetchImpl, notificationIntervalMs, ...overrides } = options
  const sign = createGatewaySigner(rails)
  const notifications = createMerchantNotifications({
    clock: rails.clock,
    sign,
    ...(fetchImpl && { fetch: fetchImpl }),
  })
  const host: MerchantDomainHost = {
    engine: rails.engine,
    merchants: rails.merchants,
    now: () => rails.clock.now(),
    ordersAndRefunds() {
      // The engine has no listing of orders; a snapshot is the complete, consistent view.
      const state = decodeMaps(rails.snapshot().state) as RailsState
      return { orders: state.orders.values(), refunds: state.refunds.values() }
    },
    notify: (event) => notifications.enqueue(event),
    ...overrides,
  }
  const domain: AttachedMerchantDomain = Object.assign(createMerchantDomain(host), { notifications })
  domains.set(rails.engine, domain)
  serveStatementsAsCsv(rails, sign)
  includeInRailsNotifications(rails, notifications)
  if (rails.clock.mode === 'system') notifications.startAutomatic(notificationIntervalMs)
  return domain
}

/**
 * Makes `rails.notifications` drive merchant notifications too: `deliverDue()`, `startAutomatic()`,
 * `stopAutomatic()`, `idle()` and `pendingCount()` cover both outboxes (so the sandbox's automatic
 * delivery and its shutdown include them); `list()` stays the order and refund outbox.
 */
function includeInRailsNotifications(rails: Rails, merchant: MerchantNotifications): void {
  const descriptor = Object.getOwnPropertyDescriptor(rails, 'notifications')
  const current = descriptor?.get
    ? descriptor.get.bind(rails)
    : () => descriptor?.value as Rails['notifications']
  Object.defineProperty(rails, 'notifications', {
    configurable: true,
    enumerable: true,
    get(): Rails['notifications'] {
      const outbox = current()
      return {
        ...outbox,
        async deliverDue() {
          const report = await outbox.deliverDue()
          await merchant.deliverDue()
          return report
        },
        startAutomatic(intervalMs?: number) {
          outbox.startAutomatic(intervalMs)
          merchant.startAutomatic(intervalMs)
        },
        stopAutomatic() {
          outbox.stopAutomatic()
          merchant.stopAutomatic()
        },
        async idle() {
          await outbox.idle()
          await merchant.idle()
        },
        pendingCount: () => outbox.pendingCount() + merchant.pendingCount(),
      }
    },
  })
}

/** The domain attached to the rails whose engine serves this request. */
export function merchantDomainOf(engine: Engine): MerchantDomain {
  const domain = domains.get(engine)
  if (!domain) {
    throw new RailsError(
      'service_unavailable',
      'The merchant domain is not attached to these rails. Call attachMerchantDomain(rails) after createRails().',
    )
  }
  return domain
}

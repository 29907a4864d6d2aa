import type { Engine } from '../engine/createEngine.js'
import type { CoreContext } from '../engine/engineContext.js'
import type { FaultInjector, FaultOptions } from '../faults/faultInjector.js'
import type { Ledger } from '../ledger/ledger.js'
import type { ForwardedAnswer, NotificationOutbox } from '../notifications/notificationOutbox.js'
import type { NotificationSubject } from '../notifications/notificationSubject.js'
import type { RailsClock } from '../support/railsClock.js'
import { notFound, RailsError } from '../support/railsError.js'
import { formatTimestamp } from '../support/shanghaiTime.js'
import { subjectMerchantId } from './subjectMerchantId.js'
import { type TriggerOrderEventParameters, triggerOrderEvent } from './triggerOrderEvent.js'

export type TestControlsDependencies = {
  core: CoreContext
  engine: Engine
  clock: RailsClock
  outbox: NotificationOutbox
  faults: Pick<FaultInjector, 'get' | 'set'>
  ledger: Ledger
  /** Whether the HTTP door serves the controls (`/v1/test/…`). In-process calls work either way. */
  enabled: boolean
}

/** Which merchants' notifications a caller sees: `null` for every merchant. */
export type MerchantFilter = readonly string[] | null

const visibleTo = (merchantIds: MerchantFilter) => (subject: NotificationSubject) =>
  merchantIds === null || merchantIds.includes(subjectMerchantId(subject))

/**
 * The rails' test controls, in process: what `/v1/test/…` serves over HTTP (when `enabled`) and
 * `ecny-sandbox clock|trigger|events|faults` calls. Move the clock, make an order be paid, expire or
 * fail, resend a notification, hand notifications to a listener and take its answers, set faults,
 * verify the ledger. Errors are `RailsError`s with the code the door answers.
 *
 * @example
 * const rails = createRails()
 * rails.testControls.advanceClock(24 * 3600) // tomorrow: daily usage starts again
 * rails.testControls.trigger({ action: 'pay', orderId: order.id }) // paid by a fresh test wallet
 * await rails.testControls.resendNotification('evt_00000001')
 */
export function createTestControls(deps: TestControlsDependencies) {
  const { clock, outbox } = deps
  const clockView = () => ({
    now: formatTimestamp(clock.now()),
    mode: clock.mode,
    offsetSeconds: Math.round((clock.now() - Date.now()) / 1000),
    notificationsDue: outbox.dueCount(),
  })
  /** The notification, if the caller may see it; otherwise 404 (as if it did not exist). */
  const visibleNotification = (id: string, merchantIds: MerchantFilter) => {
    const subject = outbox.subjectFor(id)
    if (!subject || !visibleTo(merchantIds)(subject)) throw notFound('notification', id)
    return subject
  }
  return {
    enabled: deps.enabled,
    /** The rails' time, its mode and how far it runs ahead of the machine's clock. */
    clock: clockView,
    /**
     * Moves the rails' clock forward by `seconds`: orders past their expiry close (`order.closed`),
     * the daily and annual usage resets pass at Shanghai midnight, notification retries fall due and
     * campaigns open and end by their windows.
     */
    advanceClock(seconds: number) {
      if (!Number.isInteger(seconds) || seconds < 1) {
        throw new RailsError('invalid_request', 'Invalid request: seconds: expected a whole number ≥ 1.', {
          issues: [{ path: 'seconds', message: 'expected a whole number ≥ 1' }],
        })
      }
      clock.advance(seconds * 1000)
      deps.engine.expireDueOrders()
      return clockView()
    },
    /** Pays, expires or fails an unpaid order, queuing its notification (see `triggerOrderEvent`). */
    trigger: (params: TriggerOrderEventParameters) => triggerOrderEvent(deps.core, deps.engine, params),
    /** Notifications (of these merchants), oldest first, with every attempt. */
    listNotifications(filter: { status?: string | undefined; merchantIds?: MerchantFilter } = {}) {
      const merchantIds = filter.merchantIds ?? null
      return outbox
        .list()
        .filter((notification) => filter.status === undefined || notification.status === filter.status)
        .filter((notification) => visibleTo(merchantIds)(outbox.subjectFor(notification.id)!))
    },
    /** Delivers a notification once more, now, and resolves with its attempts. */
    async resendNotification(id: string, merchantIds: MerchantFilter = null) {
      visibleNotification(id, merchantIds)
      const result = await outbox.resend(id)
      if (result === undefined) throw notFound('notification', id)
      if (result === 'busy') {
        throw new RailsError(
          'request_in_progress',
          'This notification is being delivered (or a listener holds it) right now. Retry in a moment.',
          { notificationId: id },
        )
      }
      if (result === 'no_endpoint') {
        throw new RailsError(
          'invalid_state',
          'This notification has no URL to go to: give the order or the merchant a notifyUrl, or forward it with `ecny listen`.',
          { notificationId: id },
        )
      }
      return result
    },
    /** Hands these merchants' pending notifications to a listener, signed as the gateway sends them. */
    claimNotifications(params: { merchantIds?: MerchantFilter; limit?: number | undefined } = {}) {
      return outbox.claim({ accept: visibleTo(params.merchantIds ?? null), limit: params.limit ?? 20 })
    },
    /** Records a listener's answer to a claimed delivery as that delivery's attempt. */
    reportForwarded(id: string, answer: ForwardedAnswer, merchantIds: MerchantFilter = null) {
      visibleNotification(id, merchantIds)
      const result = outbox.settleForwarded(id, answer)
      if (result === 'not_claimed') {
        throw new RailsError(
          'invalid_state',
          `Attempt ${answer.attempt} of this notification is not held by a listener (never claimed, already answered, or the claim ran out after 60 s). Claim it again.`,
          { notificationId: id, attempt: answer.attempt },
        )
      }
      return result
    },
    faults: (): FaultOptions => deps.faults.get(),
    /** Replaces the faults; `{}` calms the gateway. Test controls themselves are never faulted. */
    setFaults(options: FaultOptions): FaultOptions {
      deps.faults.set(options)
      return deps.faults.get()
    },
    /** The ledger's verification: every account sums to zero, no wallet below zero. */
    verifyLedger: () => deps.ledger.verify(),
  }
}

export type TestControls = ReturnType<typeof createTestControls>

import { ConflictError, SignatureError } from '@ecny/sdk-core'
import type { MerchantNotificationEvent } from './notificationEvent.js'
import type { ReplayStore } from './replayStore.js'

/** A claim on one event id, held while its handler runs: settle it with one of the two. */
export type EventClaim = {
  /** The handler succeeded: every later delivery is `notification_replayed`. */
  commit(): Promise<void>
  /** The handler failed: the gateway's retry is accepted (and applied). */
  release(): Promise<void>
}

let tokens = 0
const newToken = () =>
  `${Date.now().toString(36)}.${(++tokens).toString(36)}.${Math.random().toString(36).slice(2)}`

/**
 * Claims `event`'s id in `store` for `claimTtlMs` (a crashed process's claim lapses then). Throws
 * `notification_replayed` if it was handled before (answer 200), `notification_in_progress` if
 * another delivery holds it right now (answer non-2xx: the gateway retries it later).
 *
 * @example
 * const claim = await claimEvent(store, event, 300_000, 86_400_000)
 * try { await handle(event) } catch (error) { await claim.release(); throw error }
 * await claim.commit()
 */
export async function claimEvent(
  store: ReplayStore,
  event: MerchantNotificationEvent,
  claimTtlMs: number,
  replayTtlMs: number,
): Promise<EventClaim> {
  const token = newToken()
  const found = await store.claim(event.id, token, claimTtlMs)
  if (found === 'done') {
    throw new SignatureError('notification_replayed', `Notification ${event.id} was already received.`, {
      hint:
        'It is a duplicate delivery (or a replay): do not apply it again. Answer 200 {"code":"SUCCESS"} ' +
        '(ackNotification()) so the gateway stops retrying it.',
      details: { eventId: event.id, type: event.type },
    })
  }
  if (found === 'in_progress') {
    throw new ConflictError(
      'notification_in_progress',
      `Notification ${event.id} is being handled by another delivery right now.`,
      {
        hint: 'Answer a non-2xx status (the notification handlers answer 409): the gateway retries it later.',
        details: { eventId: event.id, type: event.type },
      },
    )
  }
  return {
    commit: async () => await store.commit(event.id, token, replayTtlMs),
    release: async () => await store.release(event.id, token),
  }
}

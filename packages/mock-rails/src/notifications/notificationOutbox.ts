import { headers, isNotificationAck, notificationBody, signatureTypes } from '@ecny/protocol'
import type { EngineEvent } from '../engine/engineContext.js'
import type { GatewayKeyRing } from '../signing/gatewayKeyRing.js'
import type { MerchantStore } from '../state/merchantStore.js'
import type { RandomSource } from '../support/mulberry32.js'
import type { RailsClock } from '../support/railsClock.js'
import { formatTimestamp } from '../support/shanghaiTime.js'
import { type NotificationSubject, subjectOf, subjectToWire, subjectUrl } from './notificationSubject.js'
import { notificationRetrySchedule } from './retrySchedule.js'

export type NotificationAttempt = {
  attempt: number
  at: string
  /** HTTP status the receiver answered, or `null` when the request failed (refused, timed out). */
  httpStatus: number | null
  ok: boolean
  error: string | null
  /** Set when the attempt was a delivery forwarded by a listener (`ecny listen`), not the gateway's own POST. */
  forwarded?: true
}

export type NotificationStatus = 'pending' | 'delivered' | 'failed' | 'no_endpoint'

/** Stored form: times in ms; the event's data as it was when the event happened. */
export type NotificationRecord = {
  id: string
  type: EngineEvent['type']
  createdAt: number
  url: string | null
  status: NotificationStatus
  attempts: NotificationAttempt[]
  nextAttemptAt: number | null
  subject: NotificationSubject
}

export type NotificationOutboxState = {
  counter: number
  pending: NotificationRecord[]
  history: NotificationRecord[]
}

export type NotificationOutboxOptions = {
  clock: RailsClock
  keys: GatewayKeyRing
  merchants: MerchantStore
  /** Seeded; decides duplicated and reordered deliveries. */
  random: RandomSource
  faults: () => { duplicateNotifications?: number | undefined; reorderNotifications?: number | undefined }
  /** Finished notifications kept for `list()`; older ones are forgotten. Default 1000. */
  historyLimit?: number
  /** Per-attempt timeout in real ms. Default 10 000. */
  timeoutMs?: number
  fetch?: typeof fetch
}

export type DeliveryReport = { attempted: number; delivered: number; failed: number }

/** A delivery handed to a listener: the exact bytes and headers the gateway would POST. */
export type ClaimedDelivery = {
  id: string
  type: NotificationRecord['type']
  attempt: number
  url: string | null
  body: string
  headers: Record<string, string>
}

/** What a listener's local receiver answered to a claimed delivery. */
export type ForwardedAnswer = { attempt: number; httpStatus: number | null; body?: string; error?: string }

/** Real ms a claimed delivery stays reserved for its listener before the gateway may send it again. */
export const claimLeaseMs = 60_000

/**
 * Notifications waiting to be delivered, and the recent ones that finished: order, refund and merchant
 * review events. Each is POSTed where {@link subjectUrl} says as `{id, type, createdAt, attempt, data}`,
 * signed like responses with `typ: ecny-notification+jws` and `rid` = event id, and retried on
 * {@link notificationRetrySchedule} by the rails clock until the receiver answers 2xx with
 * `{"code":"SUCCESS"}`. Delivery uses `fetch`, so msw can intercept it and the sandbox reaches a real
 * receiver. `deliverDue()` sends what is due now; `startAutomatic()` calls it on a timer.
 */
export function createNotificationOutbox(
  options: NotificationOutboxOptions,
  saved?: NotificationOutboxState,
) {
  const historyLimit = options.historyLimit ?? 1000
  const timeoutMs = options.timeoutMs ?? 10_000
  let counter = 0
  const pending = new Map<string, NotificationRecord>()
  const history: NotificationRecord[] = []
  const inFlight = new Set<string>()
  /** Claimed by a listener: id → the attempt it was given and until when (real ms). */
  const leases = new Map<string, { attempt: number; until: number }>()
  const leased = (id: string) => {
    const lease = leases.get(id)
    if (lease && lease.until <= Date.now()) leases.delete(id)
    return leases.has(id)
  }
  let timer: ReturnType<typeof setInterval> | undefined
  let running: Promise<DeliveryReport> | undefined

  function finish(record: NotificationRecord): void {
    pending.delete(record.id)
    history.push(record)
    if (history.length > historyLimit) history.splice(0, history.length - historyLimit)
  }

  function enqueue(event: EngineEvent): NotificationRecord {
    const subject = subjectOf(event)
    const url = subjectUrl(subject, options.merchants)
    const now = options.clock.now()
    counter++
    const record: NotificationRecord = {
      id: `evt_${counter.toString(36).padStart(8, '0')}`,
      type: event.type,
      createdAt: now,
      url,
      status: url === null ? 'no_endpoint' : 'pending',
      attempts: [],
      nextAttemptAt: url === null ? null : now,
      subject,
    }
    if (url === null) finish(record)
    else pending.set(record.id, record)
    return record
  }

  function bodyOf(record: NotificationRecord, attempt: number): string {
    return notificationBody({
      id: record.id,
      type: record.type,
      createdAt: formatTimestamp(record.createdAt),
      attempt,
      data: subjectToWire(record.subject),
    })
  }

  /** The body of one attempt and the headers it goes out with, signed. */
  async function signedDelivery(record: NotificationRecord, attempt: number) {
    const body = bodyOf(record, attempt)
    const signature = await options.keys.sign(
      signatureTypes.notification,
      new TextEncoder().encode(body),
      record.id,
    )
    return {
      body,
      headers: {
        'content-type': 'application/json',
        [headers.signature]: signature,
        [headers.notificationId]: record.id,
      },
    }
  }

  async function post(record: NotificationRecord, attempt: number): Promise<NotificationAttempt> {
    const at = formatTimestamp(options.clock.now())
    try {
      const delivery = await signedDelivery(record, attempt)
      const response = await (options.fetch ?? fetch)(record.url!, {
        method: 'POST',
        headers: delivery.headers,
        body: new TextEncoder().encode(delivery.body),
        signal: AbortSignal.timeout(timeoutMs),
      })
      const text = await response.text()
      const ok = response.ok && isNotificationAck(text)
      return {
        attempt,
        at,
        httpStatus: response.status,
        ok,
        error: ok
          ? null
          : response.ok
            ? 'receiver did not answer {"code":"SUCCESS"}'
            : `HTTP ${response.status}`,
      }
    } catch (error) {
      return {
        attempt,
        at,
        httpStatus: null,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }
    }
  }

  async function deliver(record: NotificationRecord): Promise<boolean> {
    inFlight.add(record.id)
    try {
      const attempt = record.attempts.length + 1
      const result = await post(record, attempt)
      // The receiver sees the same event twice (its handler must be idempotent); one draw per delivery.
      const duplicate = options.random.next() < (options.faults().duplicateNotifications ?? 0)
      if (duplicate) await post(record, attempt)
      settle(record, result)
      return result.ok
    } finally {
      inFlight.delete(record.id)
    }
  }

  /** Records an attempt of a pending notification: delivered, failed for good, or the next retry scheduled. */
  function settle(record: NotificationRecord, result: NotificationAttempt): void {
    record.attempts.push(result)
    if (result.ok) {
      record.status = 'delivered'
      record.nextAttemptAt = null
      finish(record)
    } else if (record.attempts.length >= notificationRetrySchedule.length) {
      record.status = 'failed'
      record.nextAttemptAt = null
      finish(record)
    } else {
      record.nextAttemptAt = options.clock.now() + notificationRetrySchedule[record.attempts.length]! * 1000
    }
  }

  function find(id: string): NotificationRecord | undefined {
    return pending.get(id) ?? history.find((record) => record.id === id)
  }

  async function deliverDueNow(): Promise<DeliveryReport> {
    const now = options.clock.now()
    const due = [...pending.values()].filter(
      (record) =>
        !inFlight.has(record.id) &&
        !leased(record.id) &&
        record.nextAttemptAt !== null &&
        record.nextAttemptAt <= now,
    )
    if (options.random.next() < (options.faults().reorderNotifications ?? 0)) {
      for (let i = due.length - 1; i > 0; i--) {
        const j = options.random.int(i + 1)
        ;[due[i], due[j]] = [due[j]!, due[i]!]
      }
    }
    const report: DeliveryReport = { attempted: due.length, delivered: 0, failed: 0 }
    for (const record of due) {
      if (await deliver(record)) report.delivered++
      else report.failed++
    }
    return report
  }

  const outbox = {
    enqueue,
    /** Sends every notification due at the current rails clock, one after another; resolves with counts. */
    async deliverDue(): Promise<DeliveryReport> {
      while (running) await running
      running = deliverDueNow()
      try {
        return await running
      } finally {
        running = undefined
      }
    },
    /** Pending and recent notifications, oldest first, with their attempts. */
    list() {
      return [...history, ...pending.values()].map(viewOf)
    },
    /** One notification as `list()` shows it, or `undefined`. */
    get(id: string) {
      const record = find(id)
      return record && viewOf(record)
    },
    /** What a notification is about (its merchant, order or refund), or `undefined`. */
    subjectFor(id: string): NotificationSubject | undefined {
      return find(id)?.subject
    },
    /**
     * Delivers a notification once more, now, to its URL, and resolves with it. A pending one takes
     * its next attempt early (the schedule goes on from there); a finished one gets one extra attempt
     * (delivered if the receiver acknowledges it). `undefined`: no such notification; `busy`: an
     * attempt is under way or a listener holds it; `no_endpoint`: it has no URL to go to.
     */
    async resend(id: string): Promise<ReturnType<typeof viewOf> | undefined | 'busy' | 'no_endpoint'> {
      const record = find(id)
      if (!record) return undefined
      if (record.url === null) return 'no_endpoint'
      if (inFlight.has(record.id) || leased(record.id)) return 'busy'
      if (pending.has(record.id)) {
        await deliver(record)
        return viewOf(record)
      }
      inFlight.add(record.id)
      try {
        const result = await post(record, record.attempts.length + 1)
        record.attempts.push(result)
        if (result.ok) record.status = 'delivered'
      } finally {
        inFlight.delete(record.id)
      }
      return viewOf(record)
    },
    /**
     * Hands pending notifications to a listener (`ecny listen`): those due now, and those no listener
     * has tried yet (the gateway's own attempts could not reach the receiver), oldest first, each
     * signed for its next attempt exactly as the gateway would POST it. Each stays reserved for that
     * listener for {@link claimLeaseMs}; its answer comes back through `settleForwarded`.
     */
    async claim(params: {
      accept: (subject: NotificationSubject) => boolean
      limit: number
    }): Promise<ClaimedDelivery[]> {
      const now = options.clock.now()
      const taken = [...pending.values()]
        .filter(
          (record) =>
            !inFlight.has(record.id) &&
            !leased(record.id) &&
            params.accept(record.subject) &&
            ((record.nextAttemptAt !== null && record.nextAttemptAt <= now) ||
              !record.attempts.some((attempt) => attempt.forwarded)),
        )
        .slice(0, params.limit)
      for (const record of taken) {
        leases.set(record.id, { attempt: record.attempts.length + 1, until: Date.now() + claimLeaseMs })
      }
      return Promise.all(
        taken.map(async (record) => {
          const attempt = record.attempts.length + 1
          return {
            id: record.id,
            type: record.type,
            attempt,
            url: record.url,
            ...(await signedDelivery(record, attempt)),
          }
        }),
      )
    },
    /**
     * Records a listener's answer to a claimed delivery as that delivery's attempt (2xx with
     * `{"code":"SUCCESS"}` delivers it; anything else schedules the next retry). `not_claimed`: no
     * listener holds this notification for this attempt (never claimed, or its lease ran out).
     */
    settleForwarded(id: string, answer: ForwardedAnswer): ReturnType<typeof viewOf> | 'not_claimed' {
      const record = pending.get(id)
      const lease = leases.get(id)
      if (!record || !lease || lease.attempt !== answer.attempt || !leased(id)) return 'not_claimed'
      leases.delete(id)
      const ok =
        answer.httpStatus !== null &&
        answer.httpStatus >= 200 &&
        answer.httpStatus < 300 &&
        isNotificationAck(answer.body ?? '')
      settle(record, {
        attempt: answer.attempt,
        at: formatTimestamp(options.clock.now()),
        httpStatus: answer.httpStatus,
        ok,
        error: ok
          ? null
          : answer.httpStatus === null
            ? (answer.error ?? 'the receiver could not be reached')
            : answer.httpStatus >= 200 && answer.httpStatus < 300
              ? 'receiver did not answer {"code":"SUCCESS"}'
              : `HTTP ${answer.httpStatus}`,
        forwarded: true,
      })
      return viewOf(record)
    },
    /** Number of notifications still to deliver. */
    pendingCount(): number {
      return pending.size
    },
    /** Number of pending notifications due at the current rails clock. */
    dueCount(): number {
      const now = options.clock.now()
      return [...pending.values()].filter(
        (record) => record.nextAttemptAt !== null && record.nextAttemptAt <= now,
      ).length
    },
    /** Calls `deliverDue()` every `intervalMs` real milliseconds (the sandbox's automatic mode). */
    startAutomatic(intervalMs = 250): void {
      if (timer) return
      timer = setInterval(() => {
        if (!running && pending.size > 0) void this.deliverDue()
      }, intervalMs)
      timer.unref?.()
    },
    stopAutomatic(): void {
      if (timer) clearInterval(timer)
      timer = undefined
    },
    /** Waits for a delivery round in progress, if any (for clean shutdowns). */
    async idle(): Promise<void> {
      while (running) await running
    },
    export(): NotificationOutboxState {
      return { counter, pending: [...pending.values()], history: [...history] }
    },
    /** Replaces everything with an `export()`ed state, in place: whoever holds this outbox sees it. */
    load(state: NotificationOutboxState): void {
      counter = state.counter
      pending.clear()
      for (const record of state.pending) pending.set(record.id, record)
      history.splice(0, history.length, ...state.history)
      inFlight.clear()
      leases.clear()
    },
  }
  if (saved) outbox.load(saved)
  return outbox
}

/** A notification as `list()` shows it: times in ISO 8601, its data in protocol shape. */
function viewOf(record: NotificationRecord) {
  return {
    id: record.id,
    type: record.type,
    url: record.url,
    status: record.status,
    createdAt: formatTimestamp(record.createdAt),
    nextAttemptAt: record.nextAttemptAt === null ? null : formatTimestamp(record.nextAttemptAt),
    attempts: record.attempts.map((attempt) => ({ ...attempt })),
    data: subjectToWire(record.subject),
  }
}

export type NotificationOutbox = ReturnType<typeof createNotificationOutbox>

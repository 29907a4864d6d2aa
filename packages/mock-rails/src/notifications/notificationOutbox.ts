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

  async function post(record: NotificationRecord, attempt: number): Promise<NotificationAttempt> {
    const at = formatTimestamp(options.clock.now())
    const bytes = new TextEncoder().encode(bodyOf(record, attempt))
    try {
      const signature = await options.keys.sign(signatureTypes.notification, bytes, record.id)
      const response = await (options.fetch ?? fetch)(record.url!, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [headers.signature]: signature,
          [headers.notificationId]: record.id,
        },
        body: bytes,
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
      return result.ok
    } finally {
      inFlight.delete(record.id)
    }
  }

  async function deliverDueNow(): Promise<DeliveryReport> {
    const now = options.clock.now()
    const due = [...pending.values()].filter(
      (record) => !inFlight.has(record.id) && record.nextAttemptAt !== null && record.nextAttemptAt <= now,
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
      return [...history, ...pending.values()].map((record) => ({
        id: record.id,
        type: record.type,
        url: record.url,
        status: record.status,
        createdAt: formatTimestamp(record.createdAt),
        nextAttemptAt: record.nextAttemptAt === null ? null : formatTimestamp(record.nextAttemptAt),
        attempts: record.attempts.map((attempt) => ({ ...attempt })),
        data: subjectToWire(record.subject),
      }))
    },
    /** Number of notifications still to deliver. */
    pendingCount(): number {
      return pending.size
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
    },
  }
  if (saved) outbox.load(saved)
  return outbox
}

export type NotificationOutbox = ReturnType<typeof createNotificationOutbox>

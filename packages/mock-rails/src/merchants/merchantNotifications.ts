import { merchantToWire } from '../engine/toWire.js'
import { notificationRetrySchedule } from '../notifications/retrySchedule.js'
import type { MerchantRecord } from '../state/merchantStore.js'
import type { RailsClock } from '../support/railsClock.js'
import { formatTimestamp } from '../support/shanghaiTime.js'
import type { GatewaySigner } from './gatewaySigner.js'

type Attempt = { attempt: number; at: string; httpStatus: number | null; ok: boolean }
type Pending = {
  id: string
  type: 'merchant.approved' | 'merchant.rejected'
  createdAt: number
  url: string
  merchant: MerchantRecord
  attempts: Attempt[]
  nextAttemptAt: number | null
  status: 'pending' | 'delivered' | 'failed'
}

/**
 * `merchant.approved` / `merchant.rejected` notifications: the same envelope, signature and retry
 * schedule as the rails' order and refund notifications, POSTed to the application's `notifyUrl`.
 */
export function createMerchantNotifications(options: {
  clock: RailsClock
  sign: GatewaySigner
  fetch?: typeof fetch
}) {
  const records: Pending[] = []
  let counter = 0
  let running: Promise<void> | undefined
  let timer: ReturnType<typeof setInterval> | undefined

  async function deliver(record: Pending): Promise<void> {
    const attempt = record.attempts.length + 1
    const body = JSON.stringify({
      id: record.id,
      type: record.type,
      createdAt: formatTimestamp(record.createdAt),
      attempt,
      data: merchantToWire(record.merchant),
    })
    const bytes = new TextEncoder().encode(body)
    const at = formatTimestamp(options.clock.now())
    let httpStatus: number | null = null
    let ok = false
    try {
      const response = await (options.fetch ?? fetch)(record.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'ecny-signature': await options.sign('ecny-notification+jws', bytes, record.id),
          'ecny-notification-id': record.id,
        },
        body: bytes,
        signal: AbortSignal.timeout(10_000),
      })
      httpStatus = response.status
      const text = await response.text()
      try {
        ok = response.ok && (JSON.parse(text) as { code?: unknown }).code === 'SUCCESS'
      } catch {}
    } catch {}
    record.attempts.push({ attempt, at, httpStatus, ok })
    if (ok) {
      record.status = 'delivered'
      record.nextAttemptAt = null
    } else if (record.attempts.length >= notificationRetrySchedule.length) {
      record.status = 'failed'
      record.nextAttemptAt = null
    } else {
      record.nextAttemptAt = options.clock.now() + notificationRetrySchedule[record.attempts.length]! * 1000
    }
  }

  return {
    enqueue(event: { type: 'merchant.approved' | 'merchant.rejected'; merchant: MerchantRecord }): void {
      if (!event.merchant.notifyUrl) return
      counter++
      records.push({
        id: `evt_m${counter.toString(36).padStart(7, '0')}`,
        type: event.type,
        createdAt: options.clock.now(),
        url: event.merchant.notifyUrl,
        merchant: { ...event.merchant },
        attempts: [],
        nextAttemptAt: options.clock.now(),
        status: 'pending',
      })
    },
    /** Sends what is due at the rails clock, one after another. */
    async deliverDue(): Promise<void> {
      while (running) await running
      running = (async () => {
        const now = options.clock.now()
        for (const record of records) {
          if (record.status === 'pending' && record.nextAttemptAt !== null && record.nextAttemptAt <= now)
            await deliver(record)
        }
      })()
      try {
        await running
      } finally {
        running = undefined
      }
    },
    /** Notifications still to deliver. */
    pendingCount(): number {
      return records.filter((record) => record.status === 'pending').length
    },
    /** Delivers on a real-time timer (the sandbox's automatic mode). */
    startAutomatic(intervalMs = 250): void {
      if (timer) return
      timer = setInterval(() => {
        if (!running && this.pendingCount() > 0) void this.deliverDue()
      }, intervalMs)
      timer.unref?.()
    },
    stopAutomatic(): void {
      if (timer) clearInterval(timer)
      timer = undefined
    },
    async idle(): Promise<void> {
      while (running) await running
    },
    list() {
      return records.map(({ merchant, ...rest }) => ({
        ...rest,
        merchantId: merchant.id,
        attempts: [...rest.attempts],
      }))
    },
  }
}

export type MerchantNotifications = ReturnType<typeof createMerchantNotifications>

import { assertCmbSignature, readReceivedFields, signCmbFields, writeFormFields } from '@ecny/operator-cmb'
import type { Order, Refund } from '@ecny/protocol'
import type { Rails } from '../createRails.js'
import { notificationRetrySchedule } from '../notifications/retrySchedule.js'
import type { CmbDoorState } from './cmbDoorState.js'
import type { CmbGatewayKeys } from './cmbGatewayKeys.js'
import type { CmbMerchants } from './cmbMerchants.js'
import { cmbOrderBiz, cmbRefundBiz } from './cmbOrderBiz.js'

export type CmbNotificationRecord = {
  id: string
  merId: string
  url: string
  /** The form body, signed once: every attempt sends the same bytes. */
  body: string
  status: 'pending' | 'delivered' | 'failed'
  attempts: Array<{ at: number; httpStatus: number | null; ok: boolean; error: string | null }>
  nextAttemptAt: number | null
}

const notifiedOrderStates = new Set(['succeeded', 'failed'])
const notifiedRefundStates = new Set(['succeeded', 'failed'])

/**
 * CMB-form notifications (§2.5, §4.3, §4.6): the result fields form-encoded beside the envelope
 * fields, signed with the gateway key, POSTed to
 * the order's `notifyUrl` at 0, 15, 15, 30, 180, 1800×4, 3600 s by the rails clock, until the
 * merchant answers `returnCode`/`respCode` `SUCCESS` **signed with its key** — an unsigned or wrongly
 * signed ack counts as failed. Orders and refunds the CMB door handled are watched: `deliverDue()`
 * first queues a notification for each that reached a final state, then sends what is due.
 */
export function createCmbOutbox(deps: {
  rails: Rails
  state: CmbDoorState
  keys: CmbGatewayKeys
  merchants: CmbMerchants
  fetch?: typeof fetch
  timeoutMs?: number
  /** Runs first in every round (the door settles due contracts there). */
  beforeDelivery?: () => void
}) {
  // In the door's state, so the durable sandbox saves them with the orders they are about.
  const records: Map<string, CmbNotificationRecord> = deps.state.notifications
  // Being sent now: a round that overlaps the previous one must not send them again.
  const inFlight = new Set<string>()
  let timer: ReturnType<typeof setInterval> | undefined
  const now = () => deps.rails.clock.now()

  function enqueue(merId: string, url: string, biz: Record<string, unknown>) {
    const id = `cmbntf_${String(++deps.state.counters.notifications).padStart(7, '0')}`
    const body = writeFormFields(signCmbFields(biz, deps.keys.privateKey))
    records.set(id, { id, merId, url, body, status: 'pending', attempts: [], nextAttemptAt: now() })
  }

  function collect(): void {
    for (const record of deps.state.orders.values()) {
      if (!record.notifyUrl) continue
      const order = deps.rails.engine.getOrder(record.railsOrderId) as Order
      const status =
        order.status === 'partially_refunded' || order.status === 'refunded' ? 'succeeded' : order.status
      if (!notifiedOrderStates.has(status) || record.notified === status) continue
      record.notified = status
      enqueue(record.merId, record.notifyUrl, cmbOrderBiz(order, record, record.merId))
    }
    for (const record of deps.state.refunds.values()) {
      if (!record.notifyUrl) continue
      const refund = deps.rails.engine.getRefund(record.railsRefundId) as Refund
      if (!notifiedRefundStates.has(refund.status) || record.notified === refund.status) continue
      record.notified = refund.status
      enqueue(record.merId, record.notifyUrl, cmbRefundBiz(refund, record.origOrderId, record.merId))
    }
  }

  async function attempt(record: CmbNotificationRecord): Promise<boolean> {
    inFlight.add(record.id)
    try {
      return await send(record)
    } finally {
      inFlight.delete(record.id)
    }
  }

  async function send(record: CmbNotificationRecord): Promise<boolean> {
    const merchant = deps.merchants.byMerId(record.merId)
    let httpStatus: number | null = null
    let error: string | null = null
    let ok = false
    try {
      const response = await (deps.fetch ?? fetch)(record.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
        body: record.body,
        signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
      })
      httpStatus = response.status
      const text = await response.text()
      if (!merchant) throw new Error('merchant no longer registered')
      const fields = assertCmbSignature(() => readReceivedFields(text), merchant.verify, 'the ack')
      ok = response.ok && fields.returnCode === 'SUCCESS' && fields.respCode === 'SUCCESS'
      if (!ok) error = 'ack is not SUCCESS'
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause)
    }
    const at = now()
    record.attempts.push({ at, httpStatus, ok, error })
    if (record.status !== 'pending') return ok
    const next = notificationRetrySchedule[record.attempts.length]
    record.status = ok ? 'delivered' : next === undefined ? 'failed' : 'pending'
    record.nextAttemptAt = record.status === 'pending' ? at + next! * 1000 : null
    return ok
  }

  return {
    /** Queues notifications for orders and refunds that became final, then sends those due now. */
    async deliverDue(): Promise<{ attempted: number; delivered: number }> {
      deps.beforeDelivery?.()
      collect()
      const due = [...records.values()].filter(
        (r) => r.status === 'pending' && !inFlight.has(r.id) && (r.nextAttemptAt ?? 0) <= now(),
      )
      const results = await Promise.all(due.map(attempt))
      return { attempted: due.length, delivered: results.filter(Boolean).length }
    },
    list: (): CmbNotificationRecord[] => [...records.values()],
    startAutomatic(intervalMs = 500): void {
      if (timer) return
      timer = setInterval(() => void this.deliverDue().catch(() => {}), intervalMs)
      timer.unref?.()
    },
    stopAutomatic(): void {
      if (timer) clearInterval(timer)
      timer = undefined
    },
  }
}

export type CmbOutbox = ReturnType<typeof createCmbOutbox>

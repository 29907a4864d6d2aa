import type { ClaimedDelivery } from './claimedDelivery.js'
import type { ForwardedResult } from './forwardDelivery.js'

const time = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ')

/**
 * The two lines `ecny listen` prints per delivery, as the Stripe CLI does: what went out, then what
 * came back.
 *
 * @example
 * formatDelivery(delivery, result, 'http://localhost:3000/notify', new Date())
 * // 2026-12-02 08:00:00  --> order.succeeded [evt_00000001] attempt 1
 * // 2026-12-02 08:00:00  <-- [200] POST http://localhost:3000/notify [evt_00000001] 12ms {"code":"SUCCESS"}
 */
export function formatDelivery(
  delivery: ClaimedDelivery,
  result: ForwardedResult,
  forwardTo: string,
  at: Date,
): string {
  const sent = `${time(at)}  --> ${delivery.type} [${delivery.id}] attempt ${delivery.attempt}`
  const status =
    result.httpStatus === null ? `[ERR] ${result.error ?? 'unreachable'}` : `[${result.httpStatus}]`
  const answer = result.body.length > 0 ? ` ${result.body.replace(/\s+/g, ' ').slice(0, 200)}` : ''
  return `${sent}\n${time(at)}  <-- ${status} POST ${forwardTo} [${delivery.id}] ${result.ms}ms${answer}`
}

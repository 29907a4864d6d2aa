import { operations } from '@ecny/protocol'
import { type EcnyBaseClient, EcnyError } from '@ecny/sdk-core'
import { fromOperation, sleep } from '@ecny/sdk-core/internal'
import type { ClaimedDelivery } from './claimedDelivery.js'
import { type ForwardedResult, forwardDelivery } from './forwardDelivery.js'

export type ListenForNotificationsParameters = {
  /** A client signed with the app's credentials, pointed at the sandbox. */
  client: EcnyBaseClient
  /** The local URL to POST each notification to. */
  forwardTo: string
  /** Real ms between polls when nothing was pending. Default 1000. */
  intervalMs?: number
  /** Stops listening (after the delivery under way). */
  signal?: AbortSignal
  /** One round only: claim, forward, report, return (tests, scripts). */
  once?: boolean
  /** Called after each delivery was forwarded and its answer recorded. */
  onDelivery?: (delivery: ClaimedDelivery, result: ForwardedResult) => void
  /**
   * Called when a poll fails in a way that may pass (the sandbox restarting, a network blip):
   * listening goes on. A refusal (`permission_denied` from a sandbox not in test mode, bad
   * credentials) rejects instead.
   */
  onError?: (error: unknown) => void
  fetch?: typeof fetch
}

/**
 * Pulls the app's pending notifications from a sandbox in test mode and forwards each to a local
 * URL with its body and signature intact, then reports the receiver's answer to the sandbox, where it
 * counts as that delivery's attempt (an acknowledgement delivers it; anything else is retried on the
 * real schedule, and handed out again when due). What `ecny listen --forward-to URL` runs, for a
 * sandbox that cannot reach your server.
 *
 * @example
 * const stop = new AbortController()
 * await listenForNotifications({
 *   client: createBaseClient({ baseUrl: 'http://127.0.0.1:8787', credentials }),
 *   forwardTo: 'http://localhost:3000/ecny/notify',
 *   signal: stop.signal,
 *   onDelivery: (delivery, result) => console.log(delivery.id, result.httpStatus),
 * })
 */
export async function listenForNotifications(params: ListenForNotificationsParameters): Promise<number> {
  // Resolves with the number of deliveries forwarded.
  let forwarded = 0
  while (!params.signal?.aborted) {
    let claimed: ClaimedDelivery[] = []
    try {
      claimed = (
        await params.client.request({
          ...fromOperation(operations.claimTestNotifications),
          body: {},
          ...(params.signal && { signal: params.signal }),
        })
      ).data
      for (const delivery of claimed) {
        const result = await forwardDelivery(delivery, params.forwardTo, {
          ...(params.fetch && { fetch: params.fetch }),
        })
        await params.client.request({
          ...fromOperation(operations.reportForwardedDelivery, { id: delivery.id }),
          body: {
            attempt: delivery.attempt,
            httpStatus: result.httpStatus,
            body: result.body,
            ...(result.error !== undefined && { error: result.error }),
          },
        })
        forwarded++
        params.onDelivery?.(delivery, result)
      }
    } catch (error) {
      if (params.signal?.aborted) break
      // A refusal (not in test mode, bad credentials) will not pass by waiting: stop and say so.
      if (params.once || !(error instanceof EcnyError) || !error.retryable) throw error
      params.onError?.(error)
    }
    if (params.once) break
    if (claimed.length === 0) await sleep(params.intervalMs ?? 1000, params.signal).catch(() => {})
  }
  return forwarded
}

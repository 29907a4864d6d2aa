import type { ClaimedDelivery } from './claimedDelivery.js'

/** What the local receiver answered to one forwarded notification. */
export type ForwardedResult = {
  /** HTTP status, or `null` when the receiver could not be reached (refused, timed out). */
  httpStatus: number | null
  /** The first {@link maxAnswerChars} characters of the answer body. */
  body: string
  /** Why it could not be reached, when `httpStatus` is `null`. */
  error?: string
  /** Real milliseconds from sending to the end of the answer. */
  ms: number
}

/** Longest answer body reported back to the gateway (as the protocol records it). */
export const maxAnswerChars = 4096

/**
 * POSTs a claimed notification to a local URL exactly as the gateway would send it — the same body
 * bytes and the same `ecny-signature` / `ecny-notification-id` headers — and reads the answer.
 * Never throws: an unreachable receiver is a result with `httpStatus: null`.
 *
 * @example
 * const result = await forwardDelivery(delivery, 'http://localhost:3000/ecny/notify')
 * result.httpStatus // 200
 */
export async function forwardDelivery(
  delivery: ClaimedDelivery,
  forwardTo: string,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<ForwardedResult> {
  const started = performance.now()
  try {
    const response = await (options.fetch ?? fetch)(forwardTo, {
      method: 'POST',
      headers: delivery.headers,
      body: new TextEncoder().encode(delivery.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    })
    const body = (await response.text()).slice(0, maxAnswerChars)
    return { httpStatus: response.status, body, ms: Math.round(performance.now() - started) }
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : ''
    return {
      httpStatus: null,
      body: '',
      error: `${error instanceof Error ? error.message : String(error)}${cause}`.slice(0, 500),
      ms: Math.round(performance.now() - started),
    }
  }
}

import type { EcnyError } from '../errors/EcnyError.js'
import { randomId } from './bytes.js'
import type { TransportContext } from './request.js'
import {
  type HookRunner,
  hookError,
  hookIdempotencyKey,
  hookRoute,
  type RequestEvent,
} from './requestHooks.js'
import type { PreparedCall } from './sendWithRetries.js'

/** What the attempt loop reports, as it happens; each report becomes one hook event. */
export type CallObserver = {
  /** Attempt `attempt` (1-based) is about to be sent. */
  request(attempt: number): void
  /** An answer arrived for the current attempt; `error` when it is an error answer or untrusted. */
  response(answer: { status: number; requestId: string | undefined }, error?: unknown): void
  /** The current attempt failed with `error`; the next one follows in `delayMs`. */
  retry(error: EcnyError, delayMs: number): void
  /** The call ends with `error`. */
  error(error: unknown): void
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).hostname
  } catch {
    return ''
  }
}

/**
 * Turns the attempt loop's reports into hook events for one logical call: keeps the current attempt,
 * its start time, and the last status and request id, so every event is complete. `undefined` when
 * the client has no hooks (nothing is computed then).
 *
 * @example
 * const observer = observeCall(context, call)
 * observer?.request(1)
 */
export function observeCall(context: TransportContext, call: PreparedCall): CallObserver | undefined {
  const run: HookRunner | undefined = context.hooks
  if (!run) return undefined
  const callStarted = Date.now()
  const fixed = {
    operation: call.operation,
    method: call.method,
    route: hookRoute(call, call.path),
    serverAddress: hostOf(context.baseUrl),
    callId: randomId('call_'),
    idempotencyKey: hookIdempotencyKey(call.idempotencyKey),
  }
  let attempt = 0
  let attemptStarted = callStarted
  let status: number | undefined
  let requestId: string | undefined
  const event = (extra: Partial<RequestEvent> = {}): RequestEvent => ({
    ...fixed,
    attempt,
    requestId,
    status,
    durationMs: Date.now() - attemptStarted,
    ...extra,
  })
  return {
    request(next) {
      attempt = next
      attemptStarted = Date.now()
      status = undefined
      requestId = undefined
      run('onRequest', event({ durationMs: 0 }))
    },
    response(answer, error) {
      status = answer.status
      requestId = answer.requestId
      run('onResponse', event(error === undefined ? {} : { error: hookError(error) }))
    },
    retry(error, delayMs) {
      run('onRetry', event({ error: hookError(error), retryInMs: delayMs }))
    },
    error(error) {
      run('onError', event({ durationMs: Date.now() - callStarted, error: hookError(error) }))
    },
  }
}

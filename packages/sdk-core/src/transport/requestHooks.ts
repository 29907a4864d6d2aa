import { EcnyError } from '../errors/EcnyError.js'
import type { Logger } from '../log/logger.js'
import { maskText } from '../log/mask.js'
import { redact } from '../log/redact.js'

/** What names a call in hooks and traces; `fromOperation` fills both from the protocol's table. */
export type CallLabels = {
  /** The protocol operation, e.g. `getOrder`. */
  operation?: string
  /** The path template, e.g. `/v1/orders/{id}`. Without it, hooks see the path with ids masked. */
  route?: string
}

/** An error as hooks see it: its stable code and a redacted, masked message. */
export type RequestHookError = {
  name: string
  /** The `EcnyError` code; `undefined` only for an error that is not an `EcnyError` (a bug). */
  code: EcnyError['code'] | undefined
  message: string
  retryable: boolean
}

/**
 * One moment in a call's life, as every hook receives it. It carries no secrets (no headers, no
 * body, no signature) and no personal ids: the route is the path template, the idempotency key and
 * the error message are masked.
 */
export type RequestEvent = {
  /** The protocol operation name (`createOrder`), or `undefined` for a hand-built request. */
  operation: string | undefined
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** The path template (`/v1/orders/{id}`). */
  route: string
  /** The gateway's host, e.g. `gateway.ecny-sdk.dev`. */
  serverAddress: string
  /** Tells the events of one logical call apart from those of calls running beside it. */
  callId: string
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number
  /** The gateway's `Ecny-Request-Id` once an answer arrived. */
  requestId: string | undefined
  idempotencyKey: string | undefined
  /** The HTTP status once an answer arrived. */
  status: number | undefined
  /**
   * ms since the attempt was sent (`onRequest`: 0; `onResponse`, `onRetry`: the attempt's), or since
   * the call began (`onError`: the whole call's).
   */
  durationMs: number
  /** Why the answer or attempt failed (`onResponse` of an error answer, `onRetry`, `onError`). */
  error?: RequestHookError
  /** `onRetry` only: how long the SDK waits before the next attempt. */
  retryInMs?: number
}

export type RequestHook = (event: RequestEvent) => void | Promise<void>

/**
 * Request lifecycle hooks. Per attempt: `onRequest` before it is sent, `onResponse` when an answer
 * arrives (with `error` when that answer is an error), `onRetry` when another attempt follows. A call
 * ends with `onResponse` without `error` (success) or with `onError` (its final error). A hook that
 * throws or rejects is logged once and ignored: it never breaks the call.
 */
export type RequestHooks = {
  onRequest?: RequestHook
  onResponse?: RequestHook
  onRetry?: RequestHook
  onError?: RequestHook
}

export type HookName = keyof RequestHooks

/** Calls the client's hooks; a failing hook is reported once through the logger, then ignored. */
export type HookRunner = (name: HookName, event: RequestEvent) => void

/**
 * Makes `hooks` safe to call from the attempt loop: exceptions and rejections are caught, and the
 * first one is logged as a warning (later ones are silent, so a broken hook cannot flood the logs).
 *
 * @example
 * const run = createHookRunner({ onRetry: (event) => metrics.increment(event.operation) }, logger)
 * run('onRetry', event)
 */
export function createHookRunner(hooks: RequestHooks, logger: Logger): HookRunner {
  let reported = false
  const report = (name: HookName, cause: unknown) => {
    if (reported) return
    reported = true
    logger.warn(`The ${name} request hook failed; it is ignored (reported once).`, { error: cause })
  }
  return (name, event) => {
    const hook = hooks[name]
    if (typeof hook !== 'function') return
    try {
      const result = hook(event)
      if (result && typeof (result as Promise<void>).then === 'function') {
        ;(result as Promise<void>).then(undefined, (cause: unknown) => report(name, cause))
      }
    } catch (cause) {
      report(name, cause)
    }
  }
}

/** The hook view of an error: code, retryability and a redacted message, never its details. */
export function hookError(error: unknown): RequestHookError {
  const ecny = error instanceof EcnyError ? error : undefined
  return {
    name: error instanceof Error ? error.name : typeof error,
    code: ecny?.code,
    message: redact(
      ecny ? ecny.shortMessage : error instanceof Error ? error.message : String(error),
    ) as string,
    retryable: ecny?.retryable ?? false,
  }
}

/** The route hooks report: the template when the call has one, else the path with ids masked. */
export function hookRoute(labels: CallLabels, path: string): string {
  return labels.route ?? maskText(path)
}

/** The idempotency key as hooks see it: masked where it embeds a personal identifier. */
export function hookIdempotencyKey(key: string | undefined): string | undefined {
  return key === undefined ? undefined : maskText(key)
}

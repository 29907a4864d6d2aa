import { headers as protocolHeaders } from '@ecny/protocol'
import {
  type AbortedError,
  type ConnectionError,
  createEcnyError,
  EcnyError,
  type ResultUnknownError,
  SignatureError,
  type TimeoutError,
} from '../errors/EcnyError.js'
import { errorFrom } from '../errors/errorFrom.js'
import { englishOf, rememberText, sourceOf, textOf } from '../errors/errorText.js'
import {
  abortedAfterSending,
  abortedByCaller,
  attemptTimedOut,
  mayHaveActedHint,
  notSent,
  outcomeUnknown,
  unreachable,
} from '../errors/messagesEn.js'
import { backoffDelay, parseRetryAfter, sleep } from './backoff.js'
import { randomId } from './bytes.js'
import type { HttpRequest, HttpResponse } from './http/HttpClient.js'
import { type CallObserver, observeCall } from './observeCall.js'
import type { OperatorCall } from './operatorCodec.js'
import { authHeaders, type TransportContext } from './request.js'
import { attemptSignal } from './requestSignals.js'

/** One logical call, fixed before the first attempt: every retry sends the same bytes and key. */
export type PreparedCall = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** The path as the action named it (for messages). */
  path: string
  pathWithQuery: string
  bodyText: string
  bodyBytes: Uint8Array
  idempotencyKey: string | undefined
  maxRetries: number
  timeoutMs: number
  signal: AbortSignal | undefined
  outcomeLookup: Record<string, unknown> | undefined
  /** The protocol operation name and path template, for hooks (`fromOperation` sets them). */
  operation?: string
  route?: string
  /** With an operator codec: the call as the action made it, encoded afresh for each attempt. */
  operatorCall?: OperatorCall
}

/** An answer as it arrived, with what it must be bound to and when its headers came. */
export type ReceivedAttempt<B> = {
  response: HttpResponse<B>
  requestId: string | undefined
  sent: { htm: string; htu: string; nonce: string }
  /** Rails-of-the-client clock (epoch s) when the headers arrived: freshness is judged then. */
  receivedAtSeconds: number
}

export type AttemptResult<R> =
  | { ok: true; value: R }
  /** `maybeCommitted`: the gateway may have acted although it answered a failure (an operator's "unknown"). */
  | { ok: false; error: EcnyError; maybeCommitted?: boolean }

export type Exchange<B> = (request: HttpRequest) => Promise<HttpResponse<B>>

/** `ECONNREFUSED` and friends: axios puts it on the error, fetch on its `cause`. */
function systemErrorCode(error: unknown): string | undefined {
  const direct = (error as { code?: unknown } | undefined)?.code
  if (typeof direct === 'string' && /^E[A-Z]+$/.test(direct)) return direct
  const nested = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code
  return typeof nested === 'string' ? nested : typeof direct === 'string' ? direct : undefined
}

function connectionFailure(cause: unknown, timedOut: boolean, timeoutMs: number, path: string) {
  if (timedOut) {
    return {
      maybeCommitted: true,
      error: errorFrom(attemptTimedOut, { path, timeoutMs }, { cause }) as TimeoutError,
    }
  }
  const code = systemErrorCode(cause)
  const refused = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN'
  return {
    maybeCommitted: !refused,
    error: errorFrom(unreachable, { path, reason: code ? ` (${code})` : '' }, { cause }) as ConnectionError,
  }
}

/**
 * A POST whose answer could not be trusted (altered in transit) may still have been applied: the
 * refusal names the idempotency key that settles it without acting twice. Never retried here with a
 * new key, and never reported as a definitive failure.
 */
function mayHaveActed(cause: unknown, call: PreparedCall): unknown {
  const { method, path, idempotencyKey } = call
  const untrusted =
    cause instanceof SignatureError || (cause instanceof EcnyError && cause.code === 'response_too_large')
  if (!untrusted || method !== 'POST' || idempotencyKey === undefined) return cause
  const hint = sourceOf(mayHaveActedHint, 'hint', { method, path, idempotencyKey })
  const error = createEcnyError(cause.code, cause.shortMessage, {
    hint: englishOf(hint),
    requestId: cause.requestId,
    details: { ...cause.details, method, path, idempotencyKey },
    cause,
  })
  rememberText(error, { message: textOf(cause).message, hint })
  return error
}

const aborted = (call: PreparedCall, cause: unknown, mayHaveActed = false) => {
  const { method, path, idempotencyKey } = call
  const options = { details: idempotencyKey ? { idempotencyKey } : undefined, cause }
  return (
    mayHaveActed && idempotencyKey
      ? errorFrom(abortedAfterSending, { method, path, idempotencyKey }, options)
      : errorFrom(abortedByCaller, { method, path }, options)
  ) as AbortedError
}

/**
 * The one attempt loop under every call, buffered (`request`) or streamed (`requestStream`): signs
 * each attempt afresh, sends it through `exchange` with the attempt's timeout and the caller's
 * signal, hands each answer to `decode` (which verifies it over its raw bytes before parsing),
 * retries what is safe to retry with the same idempotency key, and ends a POST that may have acted
 * in `result_unknown`. With `streaming`, the timeout ends once the headers arrive (a long download
 * is not cut off), while the caller's signal still cancels the body. The client's request hooks
 * hear of each attempt, answer and retry, and of the call's final error.
 */
export async function sendWithRetries<B, R>(
  context: TransportContext,
  call: PreparedCall,
  exchange: Exchange<B>,
  decode: (attempt: ReceivedAttempt<B>) => Promise<AttemptResult<R>>,
  options: { streaming?: boolean } = {},
): Promise<{ value: R; requestId: string | undefined; attempts: number }> {
  const observer = observeCall(context, call)
  try {
    return await attemptLoop(context, call, exchange, decode, options, observer)
  } catch (error) {
    observer?.error(error)
    throw error
  }
}

async function attemptLoop<B, R>(
  context: TransportContext,
  call: PreparedCall,
  exchange: Exchange<B>,
  decode: (attempt: ReceivedAttempt<B>) => Promise<AttemptResult<R>>,
  options: { streaming?: boolean },
  observer: CallObserver | undefined,
): Promise<{ value: R; requestId: string | undefined; attempts: number }> {
  const { method, pathWithQuery, idempotencyKey, maxRetries, timeoutMs, signal } = call
  let maybeCommitted = false
  let lastError: EcnyError | undefined

  for (let attempt = 0; attempt <= maxRetries; attempt++) {
    if (signal?.aborted) break
    // An operator codec builds the whole attempt (its own envelope and signature) instead.
    const encoded = call.operatorCall && context.codec?.encode(call.operatorCall, context.now())
    const headers: Record<string, string> = encoded ? encoded.headers : { accept: 'application/json' }
    const nonce = randomId()
    if (!encoded) {
      if (call.bodyText) headers['content-type'] = 'application/json'
      if (idempotencyKey) headers[protocolHeaders.idempotencyKey] = idempotencyKey
      headers[protocolHeaders.nonce] = nonce
      Object.assign(
        headers,
        await authHeaders(context, {
          method,
          pathWithQuery,
          body: call.bodyBytes,
          issuedAt: Math.floor(context.now() / 1000),
        }),
      )
    }
    const signals = attemptSignal(signal, timeoutMs)
    observer?.request(attempt + 1)
    const started = Date.now()
    let received: ReceivedAttempt<B> | undefined
    try {
      const response = await exchange({
        method: encoded ? encoded.method : method,
        url: encoded ? encoded.url : `${context.baseUrl}${pathWithQuery}`,
        body: encoded ? encoded.body : call.bodyText || undefined,
        headers,
        signal: signals.signal,
        maxResponseBytes: context.maxResponseBytes,
      })
      received = {
        response,
        requestId: response.header(protocolHeaders.requestId),
        sent: { htm: method, htu: pathWithQuery, nonce },
        receivedAtSeconds: Math.floor(context.now() / 1000),
      }
    } catch (cause) {
      if (cause instanceof EcnyError && cause.code === 'response_too_large') throw mayHaveActed(cause, call)
      if (signal?.aborted) {
        throw aborted(call, cause, true)
      }
      const failure = connectionFailure(cause, signals.timedOut(), timeoutMs, `${method} ${call.path}`)
      lastError = failure.error
      maybeCommitted ||= failure.maybeCommitted
      context.logger.debug(`${method} ${pathWithQuery} failed: ${failure.error.code}`, { attempt })
    } finally {
      if (options.streaming) signals.stopTimer()
      else signals.dispose()
    }

    let retryAfterMs: number | undefined
    if (received) {
      const answer = { status: received.response.status, requestId: received.requestId }
      const decoded = await decode(received).catch((cause: unknown) => {
        const error = mayHaveActed(cause, call)
        observer?.response(answer, error)
        throw error
      })
      observer?.response(answer, decoded.ok ? undefined : decoded.error)
      context.logger.debug(`${method} ${pathWithQuery} → ${received.response.status}`, {
        requestId: received.requestId,
        ms: Date.now() - started,
        attempt,
      })
      if (decoded.ok) return { value: decoded.value, requestId: received.requestId, attempts: attempt + 1 }
      lastError = decoded.error
      if (!decoded.error.retryable) throw decoded.error
      if (
        received.response.status >= 500 ||
        decoded.error.code === 'request_in_progress' ||
        decoded.maybeCommitted
      )
        maybeCommitted = true
      retryAfterMs = parseRetryAfter(received.response.header(protocolHeaders.retryAfter))
    }
    if (attempt < maxRetries && lastError) {
      const delay = retryAfterMs ?? backoffDelay(attempt)
      observer?.retry(lastError, delay)
      context.logger.info(`retrying ${method} ${call.path} in ${delay} ms (${lastError.code})`, {
        attempt: attempt + 1,
        idempotencyKey,
      })
      try {
        await sleep(delay, signal)
      } catch {
        break
      }
    }
  }

  if (signal?.aborted) throw aborted(call, lastError)
  if (idempotencyKey && maybeCommitted && method === 'POST') {
    const by = call.outcomeLookup ? Object.keys(call.outcomeLookup).join(', ') : undefined
    throw errorFrom(
      outcomeUnknown,
      {
        method,
        path: call.path,
        idempotencyKey,
        lookup: by ? { en: ` by ${by}`, 'zh-CN': `按 ${by} ` } : '',
      },
      {
        requestId: lastError?.requestId,
        details: { method, path: call.path, idempotencyKey, ...call.outcomeLookup },
        cause: lastError,
      },
    ) as ResultUnknownError
  }
  throw lastError ?? errorFrom(notSent, { method, path: call.path })
}

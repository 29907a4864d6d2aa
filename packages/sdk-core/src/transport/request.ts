import * as z from 'zod/mini'
import {
  AbortedError,
  ConnectionError,
  createEcnyError,
  EcnyError,
  ResultUnknownError,
  SignatureError,
  TimeoutError,
} from '../errors/EcnyError.js'
import { isKnownErrorCode } from '../errors/errorCodes.js'
import type { Logger } from '../log/logger.js'
import { maskText } from '../log/mask.js'
import { errorEnvelope } from '../protocol/common.js'
import { formatPath } from '../validation/parseInput.js'
import { backoffDelay, parseRetryAfter, sleep } from './backoff.js'
import { randomId, utf8 } from './bytes.js'
import type { GatewayKeySet } from './createGatewayKeySet.js'
import type { HttpClient, HttpResponse } from './http/HttpClient.js'
import { attemptSignal } from './requestSignals.js'
import { verifyGatewaySignature } from './verifyGatewaySignature.js'

export const responseSignatureType = 'ecny-response+jws'

/** Per-call options every action accepts as its last argument. */
export type CallOptions = {
  /** Cancels the call; the SDK throws `aborted`. */
  signal?: AbortSignal
  /** Overrides the client's per-attempt timeout. */
  timeoutMs?: number
  /** Overrides the client's retry count. */
  maxRetries?: number
  /** Your own idempotency key for a POST; reuse it to retry a call safely after a crash. */
  idempotencyKey?: string
}

export type RequestParameters<T extends z.ZodMiniType> = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  path: string
  query?: Record<string, string | number | boolean | null | undefined>
  body?: unknown
  /** Validates the success body. */
  schema: T
  /** For POSTs: `undefined` generates one key per logical call; `null` sends none (and never retries). */
  idempotencyKey?: string | null
  /** How to settle an unknown outcome, e.g. `{ merchantOrderNo }`; carried by `result_unknown`. */
  outcomeLookup?: Record<string, unknown>
} & Omit<CallOptions, 'idempotencyKey'>

/** What one attempt of a request is signed over. */
export type SignableRequest = { method: string; pathWithQuery: string; body: Uint8Array; issuedAt: number }

export type Auth =
  | { kind: 'signature'; appId: string; sign: (request: SignableRequest) => Promise<string> }
  | { kind: 'token'; token: () => Promise<string> }

/** The auth headers for one attempt: a fresh signature, or the bearer token. */
export async function authHeaders(
  context: TransportContext,
  request: SignableRequest,
): Promise<Record<string, string>> {
  if (context.auth.kind === 'signature') return { 'ecny-signature': await context.auth.sign(request) }
  return { authorization: `Bearer ${await context.auth.token()}` }
}

export type TransportContext = {
  baseUrl: string
  auth: Auth
  keys: GatewayKeySet
  http: HttpClient
  logger: Logger
  timeoutMs: number
  maxRetries: number
  /** The largest response body read into memory (`response_too_large` past it). */
  maxResponseBytes?: number
  signatureToleranceSeconds: number
  /** Epoch ms used for signature timestamps (`iat`) and freshness checks. */
  now: () => number
}

type Attempt =
  | {
      kind: 'response'
      response: HttpResponse<Uint8Array>
      /** What the response must be bound to. */
      sent: { htm: string; htu: string; nonce: string }
      requestId: string | undefined
    }
  | { kind: 'error'; error: EcnyError; maybeCommitted: boolean }

export function buildPath(path: string, query: RequestParameters<z.ZodMiniType>['query']): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) params.append(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

/** The code for an error response that carries no error body. */
export function codeForStatus(status: number): string {
  const byStatus: Record<number, string> = {
    400: 'invalid_request',
    401: 'authentication_failed',
    403: 'permission_denied',
    404: 'not_found',
    409: 'conflict',
    413: 'payload_too_large',
    429: 'rate_limited',
    503: 'service_unavailable',
  }
  return byStatus[status] ?? (status >= 500 ? 'gateway_error' : 'invalid_response')
}

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500
}

/** `ECONNREFUSED` and friends: axios puts it on the error, fetch on its `cause`. */
function systemErrorCode(error: unknown): string | undefined {
  const direct = (error as { code?: unknown } | undefined)?.code
  if (typeof direct === 'string' && /^E[A-Z]+$/.test(direct)) return direct
  const nested = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code
  return typeof nested === 'string' ? nested : typeof direct === 'string' ? direct : undefined
}

function connectionFailure(cause: unknown, timedOut: boolean, timeoutMs: number, path: string): Attempt {
  if (timedOut)
    return {
      kind: 'error',
      maybeCommitted: true,
      error: new TimeoutError('timeout', `The gateway did not answer ${path} within ${timeoutMs} ms.`, {
        hint: 'Raise timeoutMs or check the network; the SDK retried where it was safe.',
        cause,
      }),
    }
  const code = systemErrorCode(cause)
  const refused = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN'
  return {
    kind: 'error',
    maybeCommitted: !refused,
    error: new ConnectionError(
      'connection_error',
      `Could not reach the gateway for ${path}${code ? ` (${code})` : ''}.`,
      {
        hint: 'Check baseUrl and the network. Retried calls reuse their idempotency key, so nothing is paid twice.',
        cause,
      },
    ),
  }
}

/**
 * A POST whose answer could not be trusted (altered in transit) may still have been applied: the
 * refusal names the idempotency key that settles it without acting twice. Never retried here with a
 * new key, and never reported as a definitive failure.
 */
function mayHaveActed(cause: unknown, method: string, path: string, idempotencyKey: string): unknown {
  const untrusted =
    cause instanceof SignatureError || (cause instanceof EcnyError && cause.code === 'response_too_large')
  if (!untrusted || method !== 'POST') return cause
  return createEcnyError(cause.code, cause.shortMessage, {
    hint: `The gateway may have acted on ${method} ${path}. Retry with idempotencyKey "${idempotencyKey}" (it cannot act twice) or look the result up; do not retry with a new key.`,
    requestId: cause.requestId,
    details: { ...cause.details, method, path, idempotencyKey },
    cause,
  })
}

async function decodeResponse<T extends z.ZodMiniType>(
  context: TransportContext,
  attempt: Extract<Attempt, { kind: 'response' }>,
  schema: T,
): Promise<{ ok: true; data: z.output<T> } | { ok: false; error: EcnyError }> {
  const { response, requestId, sent } = attempt
  const { body } = response
  await verifyGatewaySignature({
    expectedRequest: sent,
    // Success or error is decided only from the status the gateway signed.
    expectedStatus: response.status,
    signature: response.header('ecny-signature'),
    body,
    keys: context.keys,
    type: responseSignatureType,
    expectedRid: requestId,
    requestId,
    toleranceSeconds: context.signatureToleranceSeconds,
    nowSeconds: Math.floor(context.now() / 1000),
  })
  let json: unknown
  try {
    json = body.length === 0 ? null : JSON.parse(new TextDecoder().decode(body))
  } catch (cause) {
    throw createEcnyError('invalid_response', 'The gateway sent a signed body that is not JSON.', {
      requestId,
      cause,
    })
  }
  if (response.status >= 200 && response.status < 300) {
    const parsed = z.safeParse(schema, json)
    if (parsed.success) return { ok: true, data: parsed.data }
    const issue = parsed.error.issues[0]
    throw createEcnyError(
      'invalid_response',
      `The gateway's response does not have the expected shape (${issue ? `${formatPath(issue.path)}: ${issue.message}` : 'unknown'}).`,
      {
        requestId,
        hint: 'Upgrade @ecny/sdk-core, or report this with the request id.',
        details: { issues: parsed.error.issues },
      },
    )
  }
  const envelope = z.safeParse(errorEnvelope, json)
  const error = envelope.success ? envelope.data.error : undefined
  const code = error?.code ?? codeForStatus(response.status)
  return {
    ok: false,
    // Gateway messages are passed on masked: personal data never reaches an error or a log.
    error: createEcnyError(
      code,
      maskText(error?.message ?? `The gateway answered HTTP ${response.status}.`),
      {
        requestId: error?.requestId ?? requestId,
        status: response.status,
        retryable:
          error?.retryable ?? (isKnownErrorCode(code) ? undefined : isRetryableStatus(response.status)),
        details: error?.details,
      },
    ),
  }
}

/**
 * Sends one logical call: validates nothing (actions do that first), signs each attempt, verifies
 * each response over its raw bytes before parsing, retries what is safe to retry with the same
 * idempotency key, and turns every failure into an `EcnyError`.
 */
export async function request<T extends z.ZodMiniType>(
  context: TransportContext,
  parameters: RequestParameters<T>,
): Promise<z.output<T>> {
  const { method, schema } = parameters
  const pathWithQuery = buildPath(parameters.path, parameters.query)
  const bodyText = parameters.body === undefined ? '' : JSON.stringify(parameters.body)
  const bodyBytes = utf8(bodyText)
  const idempotencyKey =
    method === 'POST' && parameters.idempotencyKey !== null
      ? (parameters.idempotencyKey ?? randomId('idk_'))
      : undefined
  const retriable = method === 'GET' || idempotencyKey !== undefined
  const maxRetries = retriable ? (parameters.maxRetries ?? context.maxRetries) : 0
  const timeoutMs = parameters.timeoutMs ?? context.timeoutMs
  let maybeCommitted = false
  let lastError: EcnyError | undefined

  for (let attempt = 0; attempt <= maxRetries; attempt++) {
    if (parameters.signal?.aborted) break
    const headers: Record<string, string> = { accept: 'application/json' }
    if (bodyText) headers['content-type'] = 'application/json'
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey
    const nonce = randomId()
    headers['ecny-nonce'] = nonce
    Object.assign(
      headers,
      await authHeaders(context, {
        method,
        pathWithQuery,
        body: bodyBytes,
        issuedAt: Math.floor(context.now() / 1000),
      }),
    )
    const signals = attemptSignal(parameters.signal, timeoutMs)
    const started = Date.now()
    let outcome: Attempt
    try {
      const response = await context.http.send({
        method,
        url: `${context.baseUrl}${pathWithQuery}`,
        body: bodyText || undefined,
        headers,
        signal: signals.signal,
        maxResponseBytes: context.maxResponseBytes,
      })
      outcome = {
        kind: 'response',
        response,
        requestId: response.header('ecny-request-id'),
        sent: { htm: method, htu: pathWithQuery, nonce },
      }
    } catch (cause) {
      if (cause instanceof EcnyError && cause.code === 'response_too_large')
        throw idempotencyKey ? mayHaveActed(cause, method, parameters.path, idempotencyKey) : cause
      if (parameters.signal?.aborted) {
        throw new AbortedError(
          'aborted',
          `The call to ${method} ${parameters.path} was aborted by the caller.`,
          {
            hint: idempotencyKey
              ? `The gateway may have acted; retry with idempotencyKey "${idempotencyKey}" to find out without acting twice.`
              : undefined,
            details: idempotencyKey ? { idempotencyKey } : undefined,
            cause,
          },
        )
      }
      outcome = connectionFailure(cause, signals.timedOut(), timeoutMs, `${method} ${parameters.path}`)
    } finally {
      signals.dispose()
    }

    let retryAfterMs: number | undefined
    if (outcome.kind === 'response') {
      const decoded = await decodeResponse(context, outcome, schema).catch((cause: unknown) => {
        throw idempotencyKey ? mayHaveActed(cause, method, parameters.path, idempotencyKey) : cause
      })
      context.logger.debug(`${method} ${pathWithQuery} → ${outcome.response.status}`, {
        requestId: outcome.requestId,
        ms: Date.now() - started,
        attempt,
      })
      if (decoded.ok) return decoded.data
      lastError = decoded.error
      if (!decoded.error.retryable) throw decoded.error
      if (outcome.response.status >= 500 || decoded.error.code === 'request_in_progress')
        maybeCommitted = true
      retryAfterMs = parseRetryAfter(outcome.response.header('retry-after'))
    } else {
      lastError = outcome.error
      maybeCommitted ||= outcome.maybeCommitted
      context.logger.debug(`${method} ${pathWithQuery} failed: ${outcome.error.code}`, { attempt })
    }
    if (attempt < maxRetries) {
      const delay = retryAfterMs ?? backoffDelay(attempt)
      context.logger.info(`retrying ${method} ${parameters.path} in ${delay} ms (${lastError.code})`, {
        attempt: attempt + 1,
        idempotencyKey,
      })
      try {
        await sleep(delay, parameters.signal)
      } catch {
        break
      }
    }
  }

  if (parameters.signal?.aborted)
    throw new AbortedError('aborted', `The call to ${method} ${parameters.path} was aborted by the caller.`, {
      details: idempotencyKey ? { idempotencyKey } : undefined,
      cause: lastError,
    })
  if (idempotencyKey && maybeCommitted && method === 'POST') {
    throw new ResultUnknownError(
      'result_unknown',
      `The outcome of ${method} ${parameters.path} is unknown: the gateway may or may not have acted.`,
      {
        hint: `Retry with idempotencyKey "${idempotencyKey}" (it cannot act twice), or look it up${
          parameters.outcomeLookup ? ` by ${Object.keys(parameters.outcomeLookup).join(', ')}` : ''
        } until it is final.`,
        requestId: lastError?.requestId,
        details: { method, path: parameters.path, idempotencyKey, ...parameters.outcomeLookup },
        cause: lastError,
      },
    )
  }
  throw (
    lastError ??
    new ConnectionError('connection_error', `The call to ${method} ${parameters.path} was not sent.`)
  )
}

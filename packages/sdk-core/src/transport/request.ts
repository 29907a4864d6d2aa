import { headers, signatureTypes } from '@ecny/protocol'
import * as z from 'zod/mini'
import { errorFrom } from '../errors/errorFrom.js'
import { bodyNotJson, unexpectedShape } from '../errors/messagesEn.js'
import type { Logger } from '../log/logger.js'
import { formatPath } from '../validation/parseInput.js'
import { randomId, utf8 } from './bytes.js'
import type { GatewayKeySet } from './createGatewayKeySet.js'
import { decodeErrorResponse } from './decodeErrorResponse.js'
import { decodeOperatorResponse } from './decodeOperatorResponse.js'
import type { HttpClient } from './http/HttpClient.js'
import type { OperatorCodec } from './operatorCodec.js'
import type { CallLabels, HookRunner } from './requestHooks.js'
import { recordResponseMeta } from './responseMeta.js'
import {
  type AttemptResult,
  type PreparedCall,
  type ReceivedAttempt,
  sendWithRetries,
} from './sendWithRetries.js'
import { verifyGatewaySignature } from './verifyGatewaySignature.js'

export { codeForStatus } from './decodeErrorResponse.js'

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
} & CallLabels &
  Omit<CallOptions, 'idempotencyKey'>

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
  if (context.auth.kind === 'signature') return { [headers.signature]: await context.auth.sign(request) }
  return { authorization: `Bearer ${await context.auth.token()}` }
}

export type TransportContext = {
  baseUrl: string
  auth: Auth
  keys: GatewayKeySet
  http: HttpClient
  logger: Logger
  /** The client's request lifecycle hooks, already made safe to call. */
  hooks?: HookRunner
  timeoutMs: number
  maxRetries: number
  /** The largest response body read into memory (`response_too_large` past it). */
  maxResponseBytes?: number
  signatureToleranceSeconds: number
  /** Epoch ms used for signature timestamps (`iat`) and freshness checks. */
  now: () => number
  /** An operator's dialect (e.g. CMB): builds and decodes each attempt instead of the reference signing. */
  codec?: OperatorCodec
}

export function buildPath(path: string, query: RequestParameters<z.ZodMiniType>['query']): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) params.append(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

/** Fixes a call before its first attempt: its bytes, its one idempotency key, its retry budget. */
export function prepareCall(
  context: TransportContext,
  parameters: Omit<RequestParameters<z.ZodMiniType>, 'schema'>,
): PreparedCall {
  const { method } = parameters
  const bodyText = parameters.body === undefined ? '' : JSON.stringify(parameters.body)
  const idempotencyKey =
    method === 'POST' && parameters.idempotencyKey !== null
      ? (parameters.idempotencyKey ?? randomId('idk_'))
      : undefined
  const retriable = method === 'GET' || idempotencyKey !== undefined
  return {
    method,
    path: parameters.path,
    pathWithQuery: buildPath(parameters.path, parameters.query),
    bodyText,
    bodyBytes: utf8(bodyText),
    idempotencyKey,
    maxRetries: retriable ? (parameters.maxRetries ?? context.maxRetries) : 0,
    timeoutMs: parameters.timeoutMs ?? context.timeoutMs,
    signal: parameters.signal,
    outcomeLookup: parameters.outcomeLookup,
    operation: parameters.operation,
    route: parameters.route,
    ...(context.codec && {
      operatorCall: { method, path: parameters.path, query: parameters.query, body: parameters.body },
    }),
  }
}

/** Verifies a buffered answer over its raw bytes, then parses it as the schema or as an error. */
async function decodeResponse<T extends z.ZodMiniType>(
  context: TransportContext,
  attempt: ReceivedAttempt<Uint8Array>,
  schema: T,
): Promise<AttemptResult<z.output<T>>> {
  const { response, requestId, sent } = attempt
  const { body } = response
  await verifyGatewaySignature({
    expectedRequest: sent,
    // Success or error is decided only from the status the gateway signed.
    expectedStatus: response.status,
    signature: response.header(headers.signature),
    body,
    keys: context.keys,
    type: signatureTypes.response,
    expectedRid: requestId,
    requestId,
    toleranceSeconds: context.signatureToleranceSeconds,
    nowSeconds: attempt.receivedAtSeconds,
  })
  let json: unknown
  try {
    json = body.length === 0 ? null : JSON.parse(new TextDecoder().decode(body))
  } catch (cause) {
    throw errorFrom(bodyNotJson, {}, { requestId, cause })
  }
  if (response.status < 200 || response.status >= 300) {
    return { ok: false, error: decodeErrorResponse(response.status, json, requestId) }
  }
  const parsed = z.safeParse(schema, json)
  if (parsed.success) return { ok: true, value: parsed.data }
  const issue = parsed.error.issues[0]
  throw errorFrom(
    unexpectedShape,
    { problem: issue ? `${formatPath(issue.path)}: ${issue.message}` : 'unknown' },
    { requestId, details: { issues: parsed.error.issues } },
  )
}

/**
 * Sends one logical call: validates nothing (actions do that first), signs each attempt, verifies
 * each response over its raw bytes before parsing, retries what is safe to retry with the same
 * idempotency key, and turns every failure into an `EcnyError`. The result's request id and
 * idempotency key are kept for {@link responseMetaOf}.
 */
export async function request<T extends z.ZodMiniType>(
  context: TransportContext,
  parameters: RequestParameters<T>,
): Promise<z.output<T>> {
  const call = prepareCall(context, parameters)
  const result = await sendWithRetries(
    context,
    call,
    (httpRequest) => context.http.send(httpRequest),
    (attempt) =>
      call.operatorCall
        ? decodeOperatorResponse(context, call.operatorCall, attempt, parameters.schema)
        : decodeResponse(context, attempt, parameters.schema),
  )
  recordResponseMeta(result.value, {
    requestId: result.requestId,
    idempotencyKey: call.idempotencyKey,
    attempts: result.attempts,
  })
  return result.value
}

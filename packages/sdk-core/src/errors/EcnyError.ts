import { maskDetails } from '../log/maskDetails.js'
import {
  docsUrlFor,
  type EcnyErrorCategory,
  type EcnyErrorCode,
  errorCodes,
  isKnownErrorCode,
} from './errorCodes.js'

export type EcnyErrorOptions = {
  /** What to do about it; shown after the message. */
  hint?: string | undefined
  requestId?: string | undefined
  status?: number | undefined
  retryable?: boolean | undefined
  details?: Record<string, unknown> | undefined
  cause?: unknown
}

/** The labels of the lines after an error's message; a zh-CN client uses its catalogue's. */
export type ErrorLabels = { requestId: (id: string) => string; docs: (url: string) => string }

const englishLabels: ErrorLabels = { requestId: (id) => `Request id: ${id}`, docs: (url) => `Docs: ${url}` }

/** `error.message`: the short message, the hint, the request id and the docs link, one per line. */
export function composeErrorMessage(
  parts: { shortMessage: string; hint: string | undefined; requestId: string | undefined; docsUrl: string },
  labels: ErrorLabels = englishLabels,
): string {
  const lines = [parts.shortMessage]
  if (parts.hint) lines.push(parts.hint)
  if (parts.requestId) lines.push(labels.requestId(parts.requestId))
  lines.push(labels.docs(parts.docsUrl))
  return lines.join('\n')
}

/**
 * The one error type the SDK throws. `code` is stable across versions and minification: branch on
 * it, not on the class or the message.
 *
 * @example
 * try {
 *   await client.payments.pay({ orderId, walletId })
 * } catch (error) {
 *   if (error instanceof EcnyError && error.code === 'limit_exceeded') showLimit(error.details)
 *   else throw error
 * }
 */
export class EcnyError extends Error {
  override name = 'EcnyError'
  readonly code: EcnyErrorCode | (string & {})
  readonly category: EcnyErrorCategory | 'unknown'
  readonly shortMessage: string
  readonly hint: string | undefined
  readonly requestId: string | undefined
  readonly status: number | undefined
  readonly retryable: boolean
  readonly details: Record<string, unknown>
  readonly docsUrl: string

  constructor(code: EcnyErrorCode | (string & {}), shortMessage: string, options: EcnyErrorOptions = {}) {
    const known = isKnownErrorCode(code) ? errorCodes[code] : undefined
    const docsUrl = docsUrlFor(code)
    super(
      composeErrorMessage({ shortMessage, hint: options.hint, requestId: options.requestId, docsUrl }),
      options.cause === undefined ? undefined : { cause: options.cause },
    )
    this.code = code
    this.category = known?.category ?? 'unknown'
    this.shortMessage = shortMessage
    this.hint = options.hint
    this.requestId = options.requestId
    this.status = options.status ?? (known && known.status > 0 ? known.status : undefined)
    this.retryable = options.retryable ?? known?.retryable ?? false
    // Masked here, once, so no path (SDK checks, gateway details passed through, toJSON) leaks an ID.
    this.details = maskDetails(options.details ?? {})
    this.docsUrl = docsUrl
  }

  /** Plain data for logs and JSON responses (no stack, no cause chain); `details` is already masked. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.shortMessage,
      hint: this.hint,
      requestId: this.requestId,
      status: this.status,
      retryable: this.retryable,
      details: this.details,
      docsUrl: this.docsUrl,
    }
  }
}

export class InvalidRequestError extends EcnyError {
  override name = 'InvalidRequestError'
}
export class AuthenticationError extends EcnyError {
  override name = 'AuthenticationError'
}
export class PermissionError extends EcnyError {
  override name = 'PermissionError'
}
export class NotFoundError extends EcnyError {
  override name = 'NotFoundError'
}
export class ConflictError extends EcnyError {
  override name = 'ConflictError'
}
export class RateLimitError extends EcnyError {
  override name = 'RateLimitError'
}
export class GatewayError extends EcnyError {
  override name = 'GatewayError'
}
export class ConnectionError extends EcnyError {
  override name = 'ConnectionError'
}
export class TimeoutError extends EcnyError {
  override name = 'TimeoutError'
}
export class AbortedError extends EcnyError {
  override name = 'AbortedError'
}
export class SignatureError extends EcnyError {
  override name = 'SignatureError'
}
export class LimitExceededError extends EcnyError {
  override name = 'LimitExceededError'
}
export class InsufficientFundsError extends EcnyError {
  override name = 'InsufficientFundsError'
}
/** The gateway may or may not have acted; `details` says how to find out (e.g. the merchant order number). */
export class ResultUnknownError extends EcnyError {
  override name = 'ResultUnknownError'
}

const classByCategory: Record<EcnyErrorCategory, typeof EcnyError> = {
  invalid_request: InvalidRequestError,
  authentication: AuthenticationError,
  permission: PermissionError,
  not_found: NotFoundError,
  conflict: ConflictError,
  rate_limited: RateLimitError,
  gateway: GatewayError,
  connection: ConnectionError,
  timeout: TimeoutError,
  aborted: AbortedError,
  signature: SignatureError,
  limit_exceeded: LimitExceededError,
  insufficient_funds: InsufficientFundsError,
  result_unknown: ResultUnknownError,
}

function categoryForStatus(status: number | undefined): EcnyErrorCategory | undefined {
  if (status === undefined) return undefined
  if (status === 400 || status === 413 || status === 422) return 'invalid_request'
  if (status === 401) return 'authentication'
  if (status === 403) return 'permission'
  if (status === 404) return 'not_found'
  if (status === 408) return 'timeout'
  if (status === 409) return 'conflict'
  if (status === 429) return 'rate_limited'
  if (status >= 500) return 'gateway'
  return undefined
}

/**
 * Builds the right `EcnyError` subclass for a code: by the code's category when the SDK knows the
 * code, else by the HTTP status, else the base class.
 */
export function createEcnyError(
  code: EcnyErrorCode | (string & {}),
  message: string,
  options: EcnyErrorOptions = {},
): EcnyError {
  const category = isKnownErrorCode(code) ? errorCodes[code].category : categoryForStatus(options.status)
  const ErrorClass = category ? classByCategory[category] : EcnyError
  return new ErrorClass(code, message, options)
}

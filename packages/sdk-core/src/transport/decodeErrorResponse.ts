import { errorEnvelope } from '@ecny/protocol'
import * as z from 'zod/mini'
import { createEcnyError, type EcnyError } from '../errors/EcnyError.js'
import { isKnownErrorCode } from '../errors/errorCodes.js'
import { englishOf, rememberText, sourceOf, textOf } from '../errors/errorText.js'
import { maskText } from '../log/mask.js'
import { gatewayErrorHint } from './gatewayErrorHint.js'

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

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500
}

/**
 * The `EcnyError` for a verified non-2xx answer: the gateway's `{ error: { code, message, … } }`
 * when the body has one, else the natural code of the status. Used by every request, buffered or
 * streamed, so both report the same failure the same way.
 */
export function decodeErrorResponse(status: number, json: unknown, requestId: string | undefined): EcnyError {
  const envelope = z.safeParse(errorEnvelope, json)
  const error = envelope.success ? envelope.data.error : undefined
  const code = error?.code ?? codeForStatus(status)
  const situation = gatewayErrorHint(code, error?.details)
  const hint = situation && sourceOf(situation, 'hint', {})
  // Gateway messages are passed on masked: personal data never reaches an error or a log.
  const decoded = createEcnyError(code, maskText(error?.message ?? `The gateway answered HTTP ${status}.`), {
    requestId: error?.requestId ?? requestId,
    status,
    retryable: error?.retryable ?? (isKnownErrorCode(code) ? undefined : isRetryableStatus(status)),
    details: error?.details,
    hint: hint && englishOf(hint),
  })
  if (hint) rememberText(decoded, { message: textOf(decoded).message, hint })
  return decoded
}

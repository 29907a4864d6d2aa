import type { RailsError } from '../support/railsError.js'

/** `{"error": {code, message, requestId, retryable, details}}`, the protocol's error envelope. */
export function errorBody(error: RailsError, requestId: string): string {
  return JSON.stringify({
    error: {
      code: error.code,
      message: error.message,
      requestId,
      retryable: error.retryable,
      details: error.details,
    },
  })
}

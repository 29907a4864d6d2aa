import { InvalidRequestError } from '@ecny/sdk-core'

/** A key, userId or input the caller passed cannot be used: a configuration mistake, never retryable. */
export function invalidInput(what: string, hint: string, cause?: unknown): InvalidRequestError {
  return new InvalidRequestError('invalid_request', `Invalid ${what}.`, { hint, cause })
}

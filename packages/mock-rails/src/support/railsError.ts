import { type EcnyErrorCode, errorCodes } from '@ecny/sdk-core/internal'

/**
 * An error the simulated gateway answers with. `code` is one of the SDK's error codes; the HTTP status
 * and `retryable` come from the shared table in `@ecny/sdk-core`, so the rails and the SDK cannot
 * disagree. Messages say what happened and what to do.
 */
export class RailsError extends Error {
  override name = 'RailsError'
  readonly code: EcnyErrorCode
  readonly status: number
  readonly retryable: boolean
  readonly details: Record<string, unknown>

  constructor(code: EcnyErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message)
    this.code = code
    const known = errorCodes[code]
    this.status = known.status > 0 ? known.status : 500
    this.retryable = known.retryable
    this.details = details
  }
}

/** `not_found` for a resource kind and id, worded the same way everywhere. */
export function notFound(kind: string, id: string): RailsError {
  return new RailsError('not_found', `No ${kind} with id ${id}. Check the id; ids are case-sensitive.`, {
    resource: kind,
    id,
  })
}

import { formatPath } from '@ecny/sdk-core/internal'
import * as z from 'zod/mini'
import { RailsError } from './railsError.js'

/**
 * Validates an operation's parameters with its zod schema. Both doors (in-process and HTTP) go
 * through here, so a bad request gets the same `invalid_request` with `details.issues[{path, message}]`
 * either way.
 */
export function parseParams<T extends z.ZodMiniType>(schema: T, input: unknown): z.output<T> {
  const result = z.safeParse(schema, input)
  if (result.success) return result.data
  const issues = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }))
  const first = issues[0]!
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
  throw new RailsError(
    'invalid_request',
    `Invalid request: ${first.path}: ${first.message}${more}. Fix the field and send the request again.`,
    { issues },
  )
}

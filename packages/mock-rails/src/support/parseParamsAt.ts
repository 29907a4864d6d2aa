import type * as z from 'zod/mini'
import { parseParams } from './parseParams.js'
import { RailsError } from './railsError.js'

/**
 * `parseParams` for a nested part of a request: the refusal's paths are prefixed with `prefix`.
 *
 * @example
 * parseParamsAt('settings', transitSettings, params.settings) // issues at settings.offlineTaps…
 */
export function parseParamsAt<T extends z.ZodMiniType>(
  prefix: string,
  schema: T,
  input: unknown,
): z.output<T> {
  try {
    return parseParams(schema, input)
  } catch (error) {
    if (!(error instanceof RailsError)) throw error
    const issues = (error.details.issues as Array<{ path: string; message: string }>).map((issue) => ({
      path: issue.path === '(input)' ? prefix : `${prefix}.${issue.path}`,
      message: issue.message,
    }))
    const first = issues[0]!
    throw new RailsError('invalid_request', `Invalid request: ${first.path}: ${first.message}.`, { issues })
  }
}

import * as z from 'zod/mini'
import { errorFrom } from '../errors/errorFrom.js'
import { invalidInput, invalidInputs } from '../errors/messagesEn.js'

/** A field path the way a developer writes it: `payer.idNumber`, `items[2].amount`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out ? `.${String(key)}` : String(key)
  }
  return out || '(input)'
}

/**
 * Validates caller input before anything is sent. Throws `invalid_request` naming each bad field
 * and saying what is wrong with it; returns the parsed (typed, normalised) value otherwise.
 */
export function parseInput<T extends z.ZodMiniType>(
  schema: T,
  input: unknown,
  what = 'request',
): z.output<T> {
  const result = z.safeParse(schema, input)
  if (result.success) return result.data
  const issues = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }))
  const first = issues[0]!
  const params = {
    what: what === 'request' ? { en: what, 'zh-CN': '请求' } : what,
    field: first.path,
    problem: first.message,
  }
  throw issues.length > 1
    ? errorFrom(invalidInputs, { ...params, more: issues.length - 1 }, { details: { issues } })
    : errorFrom(invalidInput, params, { details: { issues } })
}

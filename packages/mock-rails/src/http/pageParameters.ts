import * as z from 'zod/mini'
import { parseParams } from '../support/parseParams.js'

const pageQuery = z.object({
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
})

/** `?limit&cursor` from a query string, validated (limit 1–100, default 20). */
export function pageParameters(query: URLSearchParams) {
  return parseParams(pageQuery, {
    limit: query.get('limit') ?? undefined,
    cursor: query.get('cursor') ?? undefined,
  })
}

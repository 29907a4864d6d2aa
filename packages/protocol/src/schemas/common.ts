import * as z from 'zod/mini'

/**
 * An enum that tolerates values added by a newer gateway: they arrive as `'unknown'` instead of
 * failing the whole response. Use for responses only; requests use strict enums.
 */
export function tolerantEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.catch(z.enum([...values, 'unknown'] as unknown as [...T, 'unknown']), 'unknown' as const)
}

/** Integer fen, as the gateway sends it. */
export const fen = z.number().check(z.int())

/** ISO 8601 timestamp with offset. */
export const timestamp = z.string()

export const currency = z.literal('CNY')

/** A page of a list: `?limit&cursor` → `{ data, nextCursor }`. */
export function page<T extends z.ZodMiniType>(item: T) {
  return z.looseObject({ data: z.array(item), nextCursor: z.nullable(z.string()) })
}

export const errorEnvelope = z.looseObject({
  error: z.looseObject({
    code: z.string(),
    message: z.string(),
    requestId: z.optional(z.string()),
    retryable: z.optional(z.boolean()),
    details: z.optional(z.record(z.string(), z.unknown())),
  }),
})
export type ErrorEnvelope = z.infer<typeof errorEnvelope>

import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { parseInput } from '../validation/parseInput.js'
import { fenSchema, positiveFenSchema } from './schemas.js'

function messageFor(schema: z.ZodMiniType, value: unknown): string | undefined {
  return z.safeParse(schema, value).error?.issues[0]?.message
}

describe('fenSchema', () => {
  it('accepts safe non-negative integers', () => {
    for (const value of [0, 1, 1234, Number.MAX_SAFE_INTEGER])
      expect(z.safeParse(fenSchema, value).success).toBe(true)
  })

  it('explains fen for fractions, strings and non-numbers', () => {
    const fen = 'amount must be an integer number of fen (1 yuan = 100 fen), e.g. 1234 for ¥12.34'
    expect(messageFor(fenSchema, 12.34)).toBe(fen)
    expect(messageFor(fenSchema, Number.NaN)).toBe(fen)
    expect(messageFor(fenSchema, null)).toBe(fen)
    expect(messageFor(fenSchema, '12.34')).toContain('parseYuan')
    expect(messageFor(fenSchema, 2 ** 60)).toContain('safe integer range')
    expect(messageFor(fenSchema, -1)).toBe('amount must not be negative')
  })

  it('throws invalid_request through parseInput with the field path', () => {
    expect(() =>
      parseInput(z.object({ order: z.object({ amount: fenSchema }) }), { order: { amount: 1.5 } }),
    ).toThrow(
      expect.objectContaining({ code: 'invalid_request', message: expect.stringContaining('order.amount') }),
    )
  })
})

describe('positiveFenSchema', () => {
  it('requires at least 1 fen', () => {
    expect(z.safeParse(positiveFenSchema, 1).success).toBe(true)
    expect(messageFor(positiveFenSchema, 0)).toBe('amount must be at least 1 fen (¥0.01)')
    expect(messageFor(positiveFenSchema, 0.5)).toContain('integer number of fen')
  })
})

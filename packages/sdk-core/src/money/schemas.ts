import { limits } from '@ecny/protocol'
import * as z from 'zod/mini'

const FEN = 'must be an integer number of fen (1 yuan = 100 fen), e.g. 1234 for ¥12.34'

function fenMessage(input: unknown): string {
  if (typeof input === 'string') return `amount ${FEN}; to convert yuan text such as "12.34" use parseYuan()`
  if (typeof input === 'number' && Number.isInteger(input)) {
    return 'amount is outside the safe integer range (at most 9007199254740991 fen)'
  }
  return `amount ${FEN}`
}

function fen(minimum: number, tooSmall: string) {
  return z
    .number({ error: (issue) => fenMessage(issue.input) })
    .check(z.int({ error: (issue) => fenMessage(issue.input) }), z.minimum(minimum, { error: tooSmall }))
}

/**
 * An amount in fen: a safe, non-negative integer.
 *
 * @example
 * parseInput(z.object({ amount: fenSchema }), { amount: 1234 }) // ok: ¥12.34
 * parseInput(z.object({ amount: fenSchema }), { amount: 12.34 }) // throws invalid_request: amount must be an integer number of fen …
 */
export const fenSchema = fen(0, 'amount must not be negative')

/** The protocol's largest amount in one request, as a person reads it. */
const MAX_AMOUNT = `${limits.maxAmountFen} fen (¥${(limits.maxAmountFen / 100).toLocaleString('en-US')}.00)`

/**
 * An amount in fen of at least 1 (¥0.01) and at most the protocol's maximum
 * (`limits.maxAmountFen`): what a payment, transfer or refund must carry.
 *
 * @example
 * parseInput(z.object({ amount: positiveFenSchema }), { amount: 0 }) // throws: amount must be at least 1 fen (¥0.01)
 * parseInput(z.object({ amount: positiveFenSchema }), { amount: 2 ** 53 - 1 }) // throws: amount must be at most 1000000000000 fen …
 */
export const positiveFenSchema = fen(1, 'amount must be at least 1 fen (¥0.01)').check(
  z.maximum(limits.maxAmountFen, { error: `amount must be at most ${MAX_AMOUNT}, the protocol's maximum` }),
)

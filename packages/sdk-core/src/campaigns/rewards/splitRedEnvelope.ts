import { InvalidRequestError } from '../../errors/EcnyError.js'
import { createSeededRandom } from '../random/createSeededRandom.js'

/** Splits larger than this many shares are refused (memory: one number per share). */
export const MAX_RED_ENVELOPE_SHARES = 10_000_000
/** The largest total a random split handles: 2^32 fen (about ¥42.9 million). */
export const MAX_RED_ENVELOPE_TOTAL = 2 ** 32

function invalid(message: string, hint: string, details: Record<string, unknown>): never {
  throw new InvalidRequestError('invalid_request', message, { hint, details })
}

/**
 * Splits a red envelope (PT01 拼手气红包) of `total` fen into `count` random shares: every share is at
 * least 1 fen and the shares sum exactly to `total`. Every split into positive parts is equally likely
 * (it picks `count − 1` distinct cut points in `1 … total − 1` by Floyd's sampling, then takes the
 * gaps), so every position has the same chances — claiming first is no advantage. Integer arithmetic
 * on a seeded PRNG only: the same `(total, count, seed)` always gives the same shares.
 * Throws `invalid_request` if `count > total` (someone would get 0 fen) or an input is not a whole number.
 *
 * @example
 * splitRedEnvelope(10_000, 4, 'campaign-7/envelope-1') // [2872, 935, 2019, 4174] — sums to 10000, always
 * splitRedEnvelope(3, 5, 'x') // throws: 5 shares cannot each get at least 1 fen out of 3 fen
 */
export function splitRedEnvelope(total: number, count: number, seed: string): number[] {
  if (!Number.isSafeInteger(total) || total < 1 || total > MAX_RED_ENVELOPE_TOTAL) {
    invalid(
      `Red envelope total must be a whole number of fen from 1 to ${MAX_RED_ENVELOPE_TOTAL}, got ${String(total)}.`,
      'Amounts are integer fen: 1 yuan = 100 fen.',
      { total },
    )
  }
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_RED_ENVELOPE_SHARES) {
    invalid(
      `Red envelope count must be a whole number from 1 to ${MAX_RED_ENVELOPE_SHARES}, got ${String(count)}.`,
      'Pass how many people share the envelope.',
      { count },
    )
  }
  if (count > total) {
    invalid(
      `${count} shares cannot each get at least 1 fen out of ${total} fen.`,
      `Lower the count to at most ${total}, or raise the total to at least ${count} fen.`,
      { total, count },
    )
  }
  if (typeof seed !== 'string') {
    invalid(
      'Red envelope seed must be a string.',
      'Use a stable id, e.g. the campaign id and the envelope id joined by a slash.',
      {},
    )
  }
  const random = createSeededRandom(`ecny/red-envelope/v1\n${seed}`)
  // Floyd: a uniformly random (count − 1)-subset of {1, …, total − 1}.
  const cuts = new Set<number>()
  const span = total - 1
  for (let j = span - (count - 1) + 1; j <= span; j++) {
    const pick = 1 + random.below(j)
    cuts.add(cuts.has(pick) ? j : pick)
  }
  const sorted = Float64Array.from(cuts).sort()
  const shares = new Array<number>(count)
  let previous = 0
  for (let i = 0; i < sorted.length; i++) {
    shares[i] = sorted[i]! - previous
    previous = sorted[i]!
  }
  shares[count - 1] = total - previous
  return shares
}

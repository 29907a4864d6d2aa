import { InvalidRequestError } from '../../errors/EcnyError.js'
import { seedFromString } from './seedFromString.js'

/** A deterministic stream of integers; the same seed always gives the same stream. */
export type SeededRandom = {
  /** The next 32-bit unsigned integer. */
  nextUint32(): number
  /**
   * A uniform integer in `[0, bound)`, `1 ≤ bound ≤ 2³²`, without modulo bias (rejection
   * sampling: draws that fall in the incomplete last block are thrown away and drawn again).
   */
  below(bound: number): number
}

const TWO_32 = 0x1_0000_0000

/**
 * A seeded integer PRNG for campaign arithmetic (random red-envelope splits, random discounts,
 * lotteries): SFC32 (Chris Doty-Humphrey's "small fast counting" generator, 128-bit state with a
 * counter, passes PractRand), seeded from a string via {@link seedFromString} or from four words,
 * then run 15 rounds before use. Integers only — no floating point ever touches money.
 *
 * @example
 * const random = createSeededRandom('campaign-42/envelope-7')
 * random.below(100) // 34, every time for this seed
 */
export function createSeededRandom(seed: string | Uint32Array): SeededRandom {
  const words = typeof seed === 'string' ? seedFromString(seed) : seed
  if (words.length < 4) {
    throw new InvalidRequestError(
      'invalid_request',
      `A random seed needs 4 words of 32 bits, got ${words.length}.`,
      {
        hint: 'Pass a seed string, or a Uint32Array of length 4.',
      },
    )
  }
  let a = words[0]! | 0
  let b = words[1]! | 0
  let c = words[2]! | 0
  let counter = words[3]! | 0

  function nextUint32(): number {
    const t = (((a + b) | 0) + counter) | 0
    counter = (counter + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }

  function below(bound: number): number {
    if (!Number.isInteger(bound) || bound < 1 || bound > TWO_32) {
      throw new InvalidRequestError(
        'invalid_request',
        `A random bound must be a whole number from 1 to 2^32, got ${bound}.`,
      )
    }
    // The largest multiple of `bound` that fits in 32 bits; values at or above it would bias the result.
    const limit = TWO_32 - (TWO_32 % bound)
    for (;;) {
      const value = nextUint32()
      if (value < limit) return value % bound
    }
  }

  for (let round = 0; round < 15; round++) nextUint32()
  return { nextUint32, below }
}

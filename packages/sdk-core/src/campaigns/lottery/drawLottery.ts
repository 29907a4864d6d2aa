import { InvalidRequestError } from '../../errors/EcnyError.js'
import { createSeededRandom } from '../random/createSeededRandom.js'
import { sha256Hex } from './sha256Hex.js'
import { sortByCodePoint } from './sortByCodePoint.js'

/** The one algorithm this version draws with; recorded in every audit. */
export const LOTTERY_ALGORITHM = 'fisher-yates/sfc32/sha256-v1'

export type DrawLotteryParameters = {
  /** Entrant ids (wallet ids, claim ids): distinct, non-empty, without line breaks. Order does not matter. */
  entrants: readonly string[]
  /** How many to draw. With fewer entrants than prizes, everyone wins. */
  winners: number
  /** The published seed, e.g. fixed by a notary after entries closed. */
  seed: string
  /** When the draw took place, recorded as given (ISO 8601); the draw itself does not read the clock. */
  drawnAt?: string | undefined
}

/** Everything needed to check a draw later, with the entrant list: hand it to the notary. */
export type LotteryAudit = {
  algorithm: typeof LOTTERY_ALGORITHM
  seed: string
  /** SHA-256 (hex) of the entrants sorted by code point and joined by `\n`, UTF-8. */
  entrantsHash: string
  entrantCount: number
  winnersRequested: number
  /** The winners in draw order (first drawn first). */
  winners: string[]
  drawnAt?: string
}

export type DrawLotteryReturnType = { winners: string[]; audit: LotteryAudit }

function invalid(message: string, hint: string, details: Record<string, unknown> = {}): never {
  throw new InvalidRequestError('invalid_request', message, { hint, details })
}

function checkEntrants(entrants: readonly string[]): void {
  if (!Array.isArray(entrants))
    invalid('entrants must be an array of strings.', 'Pass the entrant ids, e.g. wallet ids.')
  entrants.forEach((entrant, index) => {
    if (typeof entrant !== 'string' || entrant === '' || entrant.includes('\n') || entrant.includes('\r')) {
      invalid(
        `entrants[${index}] must be a non-empty string without line breaks.`,
        'Entrants are hashed one per line for the audit, so ids cannot contain line breaks.',
        { index },
      )
    }
  })
}

/** Finds a duplicate in a sorted list; names positions in the caller's list, not the id (it may be personal data). */
function checkDistinct(sorted: readonly string[], entrants: readonly string[]): void {
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) {
      const first = entrants.indexOf(sorted[i]!)
      const second = entrants.indexOf(sorted[i]!, first + 1)
      invalid(
        `entrants[${first}] and entrants[${second}] are the same entrant.`,
        'Each entrant may enter once: remove duplicates (one entry per identity) before the draw.',
        { indexes: [first, second] },
      )
    }
  }
}

/** The PRNG key: the first 128 bits of SHA-256 over the algorithm, the entrants hash and the seed. */
async function lotteryRandomKey(entrantsHash: string, seed: string): Promise<Uint32Array> {
  const hex = await sha256Hex(`${LOTTERY_ALGORITHM}\n${entrantsHash}\n${seed}`)
  return Uint32Array.from({ length: 4 }, (_, i) => Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16))
}

/** Draws `count` of `sorted` by a partial Fisher–Yates shuffle (unbiased: `below` rejects biased draws). */
function drawFromSorted(sorted: readonly string[], count: number, key: Uint32Array): string[] {
  const pool = [...sorted]
  const random = createSeededRandom(key)
  const take = Math.min(count, pool.length)
  for (let i = 0; i < take; i++) {
    const j = i + random.below(pool.length - i)
    const picked = pool[j]!
    pool[j] = pool[i]!
    pool[i] = picked
  }
  return pool.slice(0, take)
}

/**
 * Draws lottery winners reproducibly and auditably, as a notary-supervised draw needs:
 * the entrants are sorted (so their input order does not matter) and hashed; a 128-bit key is derived
 * from that hash and the seed with SHA-256; an SFC32 stream from the key drives a partial Fisher–Yates
 * shuffle with rejection sampling (every entrant equally likely, no modulo bias). The same entrants
 * and seed always give the same winners, in the same order; `verifyLotteryDraw` re-runs it from the audit.
 * Throws `invalid_request` on a duplicate or malformed entrant, a bad count or an empty seed.
 *
 * @example
 * const { winners, audit } = await drawLottery({
 *   entrants: ['w-003', 'w-001', 'w-002', 'w-004'],
 *   winners: 2,
 *   seed: '2025-01-31 notary seed 4471',
 * })
 * // winners: ['w-002', 'w-003'] — every time, in any input order
 * // audit: { algorithm: 'fisher-yates/sfc32/sha256-v1', seed, entrantsHash: 'de2db53e…', entrantCount: 4, winnersRequested: 2, winners }
 */
export async function drawLottery(parameters: DrawLotteryParameters): Promise<DrawLotteryReturnType> {
  const { entrants, winners: count, seed, drawnAt } = parameters
  checkEntrants(entrants)
  if (!Number.isSafeInteger(count) || count < 0) {
    invalid(
      `winners must be a whole number of at least 0, got ${String(count)}.`,
      'Pass how many prizes to draw.',
    )
  }
  if (typeof seed !== 'string' || seed === '') {
    invalid(
      'seed must be a non-empty string.',
      'Use the seed published for this draw, fixed after entries closed.',
    )
  }
  const sorted = sortByCodePoint(entrants)
  checkDistinct(sorted, entrants)
  const entrantsHash = await sha256Hex(sorted.join('\n'))
  const winners = drawFromSorted(sorted, count, await lotteryRandomKey(entrantsHash, seed))
  const audit: LotteryAudit = {
    algorithm: LOTTERY_ALGORITHM,
    seed,
    entrantsHash,
    entrantCount: sorted.length,
    winnersRequested: count,
    winners: [...winners],
  }
  if (drawnAt !== undefined) audit.drawnAt = drawnAt
  return { winners, audit }
}

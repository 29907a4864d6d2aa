import { InvalidRequestError } from '../errors/EcnyError.js'

/** How `percentOfFen` rounds a result that falls between two fen. */
export type FenRounding = 'floor' | 'half_even' | 'ceil'

const FEN_EXAMPLE = '1 yuan = 100 fen, e.g. 1234 for ¥12.34'

function invalid(field: string, problem: string, hint: string): never {
  throw new InvalidRequestError('invalid_request', `Invalid ${field}: ${problem}.`, {
    hint,
    details: { issues: [{ path: field, message: problem }] },
  })
}

/** Guards a result: integer arithmetic on safe integers is exact exactly when the result is safe. */
function checked(result: number, operation: string): number {
  if (!Number.isSafeInteger(result)) {
    invalid(
      operation,
      'the result is outside the safe integer range (±9007199254740991 fen)',
      'Split the amount into smaller parts; no real e-CNY amount comes near this limit.',
    )
  }
  return result === 0 ? 0 : result // never -0
}

/**
 * Asserts that `value` is a whole number of fen within the safe integer range (negative allowed);
 * throws `invalid_request` naming `field` otherwise.
 *
 * @example
 * assertFen(1234, 'order.amount') // ok
 * assertFen(12.34, 'order.amount') // throws: 12.34 is not a whole number of fen
 */
export function assertFen(value: unknown, field = 'amount'): asserts value is number {
  if (typeof value !== 'number') {
    invalid(
      field,
      `must be an integer number of fen, got ${value === null ? 'null' : typeof value}`,
      typeof value === 'string' ? `To convert yuan text use parseYuan(); ${FEN_EXAMPLE}.` : `${FEN_EXAMPLE}.`,
    )
  }
  if (!Number.isInteger(value)) {
    invalid(field, `${value} is not a whole number of fen`, `Amounts are integer fen: ${FEN_EXAMPLE}.`)
  }
  if (!Number.isSafeInteger(value)) {
    invalid(field, `${value} is outside the safe integer range (±9007199254740991 fen)`, `${FEN_EXAMPLE}.`)
  }
}

/**
 * Adds amounts in fen exactly; throws `invalid_request` on a non-integer input or overflow.
 *
 * @example
 * addFen(1234, 66) // 1300
 * addFen(100, 200, 300) // 600
 */
export function addFen(...amounts: number[]): number {
  let sum = 0
  amounts.forEach((amount, index) => {
    assertFen(amount, `amounts[${index}]`)
    sum = checked(sum + amount, 'addFen')
  })
  return sum
}

/**
 * `a − b` in fen; the result may be negative. Throws `invalid_request` on bad input or overflow.
 *
 * @example
 * subtractFen(1000, 250) // 750
 * subtractFen(100, 250) // -150
 */
export function subtractFen(a: number, b: number): number {
  assertFen(a, 'a')
  assertFen(b, 'b')
  return checked(a - b, 'subtractFen')
}

/**
 * Multiplies an amount in fen by a whole count (price × quantity).
 *
 * @example
 * multiplyFen(1250, 3) // 3750
 * multiplyFen(5000, 31_171) // 155855000 (a ¥50 voucher × 31,171 winners)
 */
export function multiplyFen(fen: number, count: number): number {
  assertFen(fen, 'fen')
  if (!Number.isSafeInteger(count)) {
    invalid('count', `${String(count)} is not a whole number`, 'Multiply fen by integer counts only.')
  }
  return checked(fen * count, 'multiplyFen')
}

/** Integer division `n / d` (d > 0) rounded as asked. */
function divide(n: bigint, d: bigint, rounding: FenRounding): bigint {
  const floor = n >= 0n ? n / d : -((-n + d - 1n) / d)
  const remainder = n - floor * d // 0 ≤ remainder < d
  if (remainder === 0n || rounding === 'floor') return floor
  if (rounding === 'ceil') return floor + 1n
  const twice = remainder * 2n
  if (twice !== d) return twice > d ? floor + 1n : floor
  return floor % 2n === 0n ? floor : floor + 1n
}

/**
 * `fen × basisPoints / 10000` (1 basis point = 0.01 %), computed with integers only and rounded by
 * `rounding` (default `half_even`, banker's rounding, which has no upward bias over many rows).
 *
 * @example
 * percentOfFen(1234, 600) // 74 (6 % of ¥12.34 is 74.04 fen)
 * percentOfFen(25, 5000) // 12 (12.5 rounds to the even 12)
 * percentOfFen(25, 5000, 'ceil') // 13
 */
export function percentOfFen(fen: number, basisPoints: number, rounding: FenRounding = 'half_even'): number {
  assertFen(fen, 'fen')
  if (!Number.isSafeInteger(basisPoints)) {
    invalid(
      'basisPoints',
      `${String(basisPoints)} is not a whole number of basis points`,
      'Use basis points: 1 % = 100, 0.5 % = 50, 100 % = 10000.',
    )
  }
  if (rounding !== 'floor' && rounding !== 'half_even' && rounding !== 'ceil') {
    invalid(
      'rounding',
      `must be 'floor', 'half_even' or 'ceil', got ${String(rounding)}`,
      'Pick a rounding mode.',
    )
  }
  return checked(Number(divide(BigInt(fen) * BigInt(basisPoints), 10_000n, rounding)), 'percentOfFen')
}

/**
 * Splits `total` fen by integer `weights` (largest-remainder method): every part is its exact share
 * rounded down or up by less than 1 fen, and the parts always sum to `total`. Ties go to the earlier
 * weight, so the split is deterministic. A negative total is split the same way and negated.
 *
 * @example
 * allocateFen(100, [1, 1, 1]) // [34, 33, 33]
 * allocateFen(1000, [70, 30]) // [700, 300]
 */
export function allocateFen(total: number, weights: readonly number[]): number[] {
  assertFen(total, 'total')
  const hint = 'Pass non-negative integer weights with at least one above zero, e.g. [70, 30].'
  if (!Array.isArray(weights) || weights.length === 0) invalid('weights', 'must be a non-empty array', hint)
  weights.forEach((weight, index) => {
    if (!Number.isSafeInteger(weight) || weight < 0) {
      invalid(`weights[${index}]`, `${String(weight)} is not a non-negative whole number`, hint)
    }
  })
  const sumOfWeights = weights.reduce((sum, weight) => sum + BigInt(weight), 0n)
  if (sumOfWeights === 0n) invalid('weights', 'all weights are zero', hint)

  const magnitude = BigInt(Math.abs(total))
  const parts = weights.map((weight) => (magnitude * BigInt(weight)) / sumOfWeights)
  const remainders = weights.map((weight) => (magnitude * BigInt(weight)) % sumOfWeights)
  let left = magnitude - parts.reduce((sum, part) => sum + part, 0n)
  const byRemainder = weights
    .map((_, index) => index)
    .sort((a, b) => (remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : a - b))
  for (const index of byRemainder) {
    if (left === 0n) break
    parts[index]! += 1n
    left -= 1n
  }
  const sign = total < 0 ? -1 : 1
  return parts.map((part) => Number(part) * sign || 0)
}

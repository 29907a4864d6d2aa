/**
 * `⌊a × b ÷ c⌋` for non-negative safe integers, exact even when `a × b` passes 2^53 (it then
 * switches to BigInt). The building block of pro-rata splits in fen.
 *
 * @example
 * mulDivFloor(1000, 1, 3) // 333
 * mulDivFloor(9_000_000_000_000, 9_000_000_000_000, 81_000_000_000_000) // 1000000000000 (exact)
 */
export function mulDivFloor(a: number, b: number, c: number): number {
  const product = a * b
  // Safe integers: `%` and the subtraction are exact, so the division is of an exact multiple of c.
  if (Number.isSafeInteger(product)) return (product - (product % c)) / c
  return Number((BigInt(a) * BigInt(b)) / BigInt(c))
}

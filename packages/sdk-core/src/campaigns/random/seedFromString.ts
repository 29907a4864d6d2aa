/**
 * Hashes a seed string (any Unicode text) to four 32-bit words for {@link createSeededRandom}.
 * Not cryptographic: it spreads every character into all 128 bits so that nearby seeds
 * (`"order-1"`, `"order-2"`) give unrelated sequences. Stable across runtimes and versions — changing
 * it would change every seeded split and draw, so treat it as frozen.
 *
 * @example
 * seedFromString('campaign-42/round-1') // Uint32Array(4) [ … ] — always the same words
 */
export function seedFromString(seed: string): Uint32Array {
  // Four lanes, each a multiply-xorshift over the UTF-16 code units with its own start value,
  // cross-mixed at the end (the shape of MurmurHash3's x86_128 finalisation).
  let h1 = 0x6a09e667 ^ seed.length
  let h2 = 0xbb67ae85
  let h3 = 0x3c6ef372
  let h4 = 0xa54ff53a
  for (let index = 0; index < seed.length; index++) {
    const unit = seed.charCodeAt(index)
    h1 = h2 ^ Math.imul(h1 ^ unit, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ unit, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ unit, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ unit, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return Uint32Array.of(h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0)
}

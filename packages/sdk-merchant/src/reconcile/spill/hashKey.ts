/**
 * FNV-1a over a key's UTF-16 code units, mixed with a seed so each level of re-partitioning splits
 * the keys differently. Returns an unsigned 32-bit integer.
 *
 * @example
 * hashKey('o:M-1', 0) % 64 // the partition of order M-1
 */
export function hashKey(key: string, seed: number): number {
  let hash = (0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1)) >>> 0
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  hash ^= hash >>> 15
  hash = Math.imul(hash, 0x2c1b3c6d)
  hash ^= hash >>> 12
  return hash >>> 0
}

import { createHash } from 'node:crypto'
import { toBytes } from './bytes.js'

/** SM3 over the concatenation of `parts` (Node's OpenSSL-backed implementation). */
export function sm3Digest(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash('sm3')
  for (const part of parts) hash.update(part)
  return new Uint8Array(hash.digest())
}

/**
 * SM3 hash (GM/T 0004) as lowercase hex. A string is hashed as its UTF-8 bytes.
 *
 * @example
 * sm3('abc') // '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'
 */
export function sm3(data: string | Uint8Array): string {
  return createHash('sm3').update(toBytes(data)).digest('hex')
}

import { boundedCache } from './boundedCache.js'
import { modN, Sm2Point } from './curve.js'
import { parsePublicKey, type Sm2PublicKeyInput } from './keys.js'
import { messageDigest } from './signingKey.js'
import { userIdBytes } from './userId.js'
import { computeZa } from './za.js'

export type VerifyingKey = { point: Sm2Point; za: Uint8Array; precomputed: boolean }

export function prepareVerifyingKey(
  publicKey: Sm2PublicKeyInput,
  userId: string | Uint8Array | undefined,
  windowSize?: number,
): VerifyingKey {
  const parsed = parsePublicKey(publicKey)
  const za = computeZa(parsed, userIdBytes(userId))
  if (windowSize === undefined) return { point: parsed, za, precomputed: false }
  // A fresh point object owns the window table, eagerly built so the first verification is not slow.
  const point = Sm2Point.fromAffine(parsed.toAffine()).precompute(windowSize, false)
  return { point, za, precomputed: true }
}

const cached = boundedCache<VerifyingKey>(16)

export function verifyingKeyFor(publicKey: Sm2PublicKeyInput, userId?: string | Uint8Array): VerifyingKey {
  if (typeof publicKey !== 'string' || userId instanceof Uint8Array)
    return prepareVerifyingKey(publicKey, userId)
  return cached(`${userId ?? ''}\u0000${publicKey}`, () => prepareVerifyingKey(publicKey, userId))
}

/** GM/T 0003.2 §7.1: t = r + s, (x1, y1) = sG + tP_A, accept when (e + x1) mod n = r. */
export function verifyDigest(key: VerifyingKey, message: string | Uint8Array, r: bigint, s: bigint): boolean {
  const t = modN(r + s)
  if (t === 0n) return false
  const point = key.precomputed
    ? Sm2Point.BASE.multiplyUnsafe(s).add(key.point.multiplyUnsafe(t))
    : Sm2Point.BASE.mulAddUnsafe(s, key.point, t)
  if (point.is0()) return false
  return modN(messageDigest(key.za, message) + point.toAffine().x) === r
}

import { boundedCache } from './boundedCache.js'
import { bytesToBigint, toBytes } from './bytes.js'
import { modN, randomScalar, Sm2Point, sm2Curve } from './curve.js'
import { parsePrivateKey, type Sm2PrivateKeyInput } from './keys.js'
import { sm3Digest } from './sm3.js'
import { userIdBytes } from './userId.js'
import { computeZa } from './za.js'

/** Everything a signature needs that depends only on the key and user ID, computed once. */
export type SigningKey = { d: bigint; inverseOfOnePlusD: bigint; za: Uint8Array; publicPoint: Sm2Point }

export function prepareSigningKey(privateKey: Sm2PrivateKeyInput, userId?: string | Uint8Array): SigningKey {
  const d = parsePrivateKey(privateKey)
  const publicPoint = Sm2Point.BASE.multiply(d)
  return {
    d,
    inverseOfOnePlusD: Sm2Point.Fn.inv(d + 1n),
    za: computeZa(publicPoint, userIdBytes(userId)),
    publicPoint,
  }
}

const cached = boundedCache<SigningKey>(8)

/** Prepared keys for string keys are cached (a server signs with one key); byte keys are not. */
export function signingKeyFor(privateKey: Sm2PrivateKeyInput, userId?: string | Uint8Array): SigningKey {
  if (typeof privateKey !== 'string' || userId instanceof Uint8Array)
    return prepareSigningKey(privateKey, userId)
  return cached(`${userId ?? ''}\u0000${privateKey}`, () => prepareSigningKey(privateKey, userId))
}

/** e = SM3(Z_A ‖ M) as an integer. */
export function messageDigest(za: Uint8Array, message: string | Uint8Array): bigint {
  return bytesToBigint(sm3Digest(za, toBytes(message)))
}

/** GM/T 0003.2 §6.1 signature generation with a fresh random k. */
export function signDigest(key: SigningKey, e: bigint): { r: bigint; s: bigint } {
  for (;;) {
    const k = randomScalar()
    const r = modN(e + Sm2Point.BASE.multiply(k).toAffine().x)
    if (r === 0n || r + k === sm2Curve.n) continue
    const s = modN(key.inverseOfOnePlusD * (k - r * key.d))
    if (s !== 0n) return { r, s }
  }
}

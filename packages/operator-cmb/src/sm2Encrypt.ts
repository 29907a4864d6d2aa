import { bigintToBytes, bytesToBase64, concatBytes, toBytes } from './bytes.js'
import { randomScalar, Sm2Point } from './curve.js'
import { encodeInteger, encodeNode, encodeSequence, tag } from './der.js'
import { invalidInput } from './errors.js'
import { sm3Kdf } from './kdf.js'
import type { Sm2PublicKeyInput } from './keys.js'
import { sm3Digest } from './sm3.js'
import { verifyingKeyFor } from './verifyingKey.js'

/**
 * SM2 public-key encryption (GM/T 0003.4, SM3 KDF and C3) in CMB's layout: base64 of DER
 * `SEQUENCE { INTEGER x1, INTEGER y1, OCTET STRING C3 (32 bytes), OCTET STRING C2 }` — also what
 * OpenSSL 3 writes. CMB uses it to wrap each request's fresh SM4 key (`encryptKey`).
 *
 * @example
 * const encryptKey = sm2Encrypt(sm4Key, CMB_GATEWAY_PUBLIC_KEY)
 */
export function sm2Encrypt(plaintext: string | Uint8Array, publicKey: Sm2PublicKeyInput): string {
  const message = toBytes(plaintext)
  if (message.length === 0) throw invalidInput('SM2 plaintext (empty)', 'Encrypt at least one byte.')
  const { point } = verifyingKeyFor(publicKey)
  for (;;) {
    const k = randomScalar()
    const c1 = Sm2Point.BASE.multiply(k).toAffine()
    const shared = point.multiply(k).toAffine()
    const x2 = bigintToBytes(shared.x)
    const y2 = bigintToBytes(shared.y)
    const t = sm3Kdf(concatBytes(x2, y2), message.length)
    if (t.every((byte) => byte === 0)) continue
    const c2 = message.map((byte, i) => byte ^ t[i]!)
    const c3 = sm3Digest(x2, message, y2)
    return bytesToBase64(
      encodeSequence(
        encodeInteger(c1.x),
        encodeInteger(c1.y),
        encodeNode(tag.octetString, c3),
        encodeNode(tag.octetString, c2),
      ),
    )
  }
}

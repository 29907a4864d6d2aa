import { base64ToBytes, bigintToBytes, concatBytes, equalBytes } from './bytes.js'
import { Sm2Point } from './curve.js'
import { childOfTag, decodeChildren, decodeNode, integerValue, tag } from './der.js'
import { invalidInput } from './errors.js'
import { sm3Kdf } from './kdf.js'
import { parsePrivateKey, type Sm2PrivateKeyInput } from './keys.js'
import { sm3Digest } from './sm3.js'

const hint =
  'Pass base64 of DER SEQUENCE { x, y, C3, C2 } encrypted to this key, as CMB and OpenSSL produce it.'

function parseCiphertext(ciphertext: string | Uint8Array) {
  const der = typeof ciphertext === 'string' ? base64ToBytes(ciphertext) : ciphertext
  const children = decodeChildren(decodeNode(der, tag.sequence))
  if (children.length !== 4) throw new TypeError('expected 4 fields')
  const c1 = Sm2Point.fromAffine({ x: integerValue(children[0]), y: integerValue(children[1]) })
  c1.assertValidity()
  const c3 = childOfTag(children[2], tag.octetString)
  const c2 = childOfTag(children[3], tag.octetString)
  if (c3.length !== 32 || c2.length === 0) throw new TypeError('bad C3 or C2 length')
  return { c1, c3, c2 }
}

/**
 * Decrypts {@link sm2Encrypt}'s (or CMB's, or OpenSSL's) DER ciphertext; returns the plaintext bytes.
 * Throws `invalid_request` when the ciphertext is malformed or fails its SM3 check (wrong key, tampered).
 *
 * @example
 * const sm4Key = sm2Decrypt(body.encryptKey, process.env.CMB_PRIVATE_KEY!)
 */
export function sm2Decrypt(ciphertext: string | Uint8Array, privateKey: Sm2PrivateKeyInput): Uint8Array {
  const d = parsePrivateKey(privateKey)
  let parts: ReturnType<typeof parseCiphertext>
  try {
    parts = parseCiphertext(ciphertext)
  } catch (error) {
    throw invalidInput('SM2 ciphertext', hint, error)
  }
  const shared = parts.c1.multiply(d).toAffine()
  const x2 = bigintToBytes(shared.x)
  const y2 = bigintToBytes(shared.y)
  const t = sm3Kdf(concatBytes(x2, y2), parts.c2.length)
  const message = parts.c2.map((byte, i) => byte ^ t[i]!)
  if (!equalBytes(sm3Digest(x2, message, y2), parts.c3))
    throw invalidInput('SM2 ciphertext (its SM3 check failed: wrong key or altered)', hint)
  return message
}

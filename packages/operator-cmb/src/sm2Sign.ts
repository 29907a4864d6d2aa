import { bytesToBase64 } from './bytes.js'
import type { Sm2PrivateKeyInput } from './keys.js'
import { encodeSignature } from './signature.js'
import { messageDigest, signDigest, signingKeyFor } from './signingKey.js'

export type Sm2Options = {
  /** The signer's ID that goes into Z_A. Default `1234567812345678` (GM/T 0009; what CMB uses). */
  userId?: string | Uint8Array
}

/**
 * SM3withSM2 signature (GM/T 0003.2, Z_A with the user ID) as base64 of DER `SEQUENCE { r, s }`,
 * the form CMB sends and expects in `sign`.
 *
 * @example
 * const sign = sm2Sign('biz_content={…}&encoding=UTF-8&signMethod=02&version=0.0.1', process.env.CMB_PRIVATE_KEY!)
 */
export function sm2Sign(
  message: string | Uint8Array,
  privateKey: Sm2PrivateKeyInput,
  options: Sm2Options = {},
): string {
  const key = signingKeyFor(privateKey, options.userId)
  const { r, s } = signDigest(key, messageDigest(key.za, message))
  return bytesToBase64(encodeSignature(r, s))
}

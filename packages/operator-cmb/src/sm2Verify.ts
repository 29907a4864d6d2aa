import { base64ToBytes } from './bytes.js'
import type { Sm2PublicKeyInput } from './keys.js'
import { decodeSignature } from './signature.js'
import type { Sm2Options } from './sm2Sign.js'
import { type VerifyingKey, verifyDigest, verifyingKeyFor } from './verifyingKey.js'

/** r and s of a base64 (or raw) DER signature, or undefined when it is not one. */
export function signatureParts(signature: string | Uint8Array): { r: bigint; s: bigint } | undefined {
  if (typeof signature !== 'string') return decodeSignature(signature)
  try {
    return decodeSignature(base64ToBytes(signature))
  } catch {
    return undefined
  }
}

export function verifyWith(
  key: VerifyingKey,
  message: string | Uint8Array,
  signature: string | Uint8Array,
): boolean {
  const parts = signatureParts(signature)
  return parts !== undefined && verifyDigest(key, message, parts.r, parts.s)
}

/**
 * Checks an SM3withSM2 signature (base64 DER, or DER bytes) over `message` — pass the text exactly as
 * received. Returns false for a wrong or malformed signature; throws `invalid_request` only when the
 * public key or user ID is unusable. For one fixed gateway key, {@link createSm2Verifier} is faster.
 *
 * @example
 * if (!sm2Verify(signedString, body.sign, CMB_GATEWAY_PUBLIC_KEY)) throw new Error('not from CMB')
 */
export function sm2Verify(
  message: string | Uint8Array,
  signature: string | Uint8Array,
  publicKey: Sm2PublicKeyInput,
  options: Sm2Options = {},
): boolean {
  return verifyWith(verifyingKeyFor(publicKey, options.userId), message, signature)
}

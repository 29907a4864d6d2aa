import type { Signer } from '@ecny/sdk-core'
import { bigintToBytes, concatBytes } from './bytes.js'
import type { Sm2PrivateKeyInput } from './keys.js'
import { messageDigest, prepareSigningKey, signDigest } from './signingKey.js'

export type CreateSm2SignerParameters = {
  privateKey: Sm2PrivateKeyInput
  /** Key id the gateway knows this key by. */
  kid: string
  /** Default `1234567812345678`. */
  userId?: string | Uint8Array
}

/** An sdk-core {@link Signer} for SM2: the `SM2` algorithm name, the signature as raw r ‖ s. */
export type Sm2Signer = Signer & { readonly alg: 'SM2' }

/**
 * An sdk-core `Signer` that signs with SM3withSM2. Like ES256 in JWS, `sign` returns the raw
 * 64-byte r ‖ s (not DER): the transport base64url-encodes it into the compact token.
 *
 * @example
 * const signer = createSm2Signer({ privateKey: process.env.SM2_PRIVATE_KEY!, kid: 'app-sm2-2026' })
 */
export function createSm2Signer(parameters: CreateSm2SignerParameters): Sm2Signer {
  const key = prepareSigningKey(parameters.privateKey, parameters.userId)
  return {
    alg: 'SM2',
    kid: parameters.kid,
    sign: async (signingInput) => {
      const { r, s } = signDigest(key, messageDigest(key.za, signingInput))
      return concatBytes(bigintToBytes(r), bigintToBytes(s))
    },
  }
}

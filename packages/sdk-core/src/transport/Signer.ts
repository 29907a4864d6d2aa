/**
 * Signs request signatures. The SDK builds the JWS signing input (`base64url(header).base64url(claims)`)
 * and asks the signer for the raw signature bytes, so a signer only needs one primitive: an HSM, a
 * KMS, or an SM2 implementation fits behind it.
 *
 * @example
 * const signer: Signer = {
 *   alg: 'ES256',
 *   kid: 'app-key-2026',
 *   sign: async (input) => new Uint8Array(await kms.sign(input)), // raw r||s for ES256
 * }
 */
export interface Signer {
  /** JWS algorithm, e.g. `ES256` or `EdDSA`. */
  readonly alg: string
  /** Key id the gateway knows this key by. */
  readonly kid: string
  sign(signingInput: Uint8Array): Promise<Uint8Array>
}

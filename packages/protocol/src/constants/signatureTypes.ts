/**
 * The JWS `typ` of each kind of signed message. A signature made for one kind is refused as any
 * other, so a notification's signature cannot pass for a response's.
 */
export const signatureTypes = {
  request: 'ecny-request+jws',
  response: 'ecny-response+jws',
  notification: 'ecny-notification+jws',
} as const

export type SignatureType = (typeof signatureTypes)[keyof typeof signatureTypes]

/** Signature algorithms the protocol allows: no `none`, no HMAC. */
export const signatureAlgorithms = ['ES256', 'EdDSA'] as const
export type SignatureAlgorithm = (typeof signatureAlgorithms)[number]

/** Largest clock skew, in seconds, between a signature's `iat` and the verifier's clock. */
export const maxSignatureSkewSeconds = 300

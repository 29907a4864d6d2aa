import type { Sm2PublicKeyInput } from './keys.js'
import type { Sm2Options } from './sm2Sign.js'
import { verifyWith } from './sm2Verify.js'
import { prepareVerifyingKey } from './verifyingKey.js'

export type Sm2VerifierOptions = Sm2Options & {
  /** Window of the public point's precomputed table: larger is faster per check, slower to build. Default 8. */
  windowSize?: number
}

/** `(message, signature) => boolean`, as {@link sm2Verify} but for one key. */
export type Sm2Verifier = (message: string | Uint8Array, signature: string | Uint8Array) => boolean

/**
 * A verifier for one fixed key (the gateway's): parses the key, computes Z_A and a window table for
 * the public point once, so each check is two fixed-point multiplications. Building it takes tens of
 * milliseconds: make one at start-up and keep it.
 *
 * @example
 * const verifyCmb = createSm2Verifier(process.env.CMB_GATEWAY_PUBLIC_KEY!)
 * verifyCmb(receivedSignedString, body.sign) // true or false
 */
export function createSm2Verifier(
  publicKey: Sm2PublicKeyInput,
  options: Sm2VerifierOptions = {},
): Sm2Verifier {
  const key = prepareVerifyingKey(publicKey, options.userId, options.windowSize ?? 8)
  return (message, signature) => verifyWith(key, message, signature)
}

import { createEcnyError } from '@ecny/sdk-core'
import type { Sm2Verifier } from '../createSm2Verifier.js'
import { MalformedEnvelopeError } from './receivedFields.js'
import { cmbSignString } from './signString.js'

/**
 * Checks CMB's `sign` over fields as they were received (see `readReceivedFields` and
 * `readFormFields`): throws `signature_invalid` when it is missing or does not verify. Nothing may
 * be parsed before this passes.
 *
 * @example
 * assertCmbSignature(readReceivedFields(text), verifyCmb, 'the orderquery response')
 */
export function assertCmbSignature(
  read: () => Record<string, string>,
  verify: Sm2Verifier,
  what: string,
): Record<string, string> {
  let fields: Record<string, string>
  try {
    fields = read()
  } catch (cause) {
    if (!(cause instanceof MalformedEnvelopeError)) throw cause
    throw createEcnyError(
      'signature_invalid',
      `CMB's signature on ${what} cannot be checked: ${cause.message}.`,
      {
        hint: 'The body is not a CMB envelope; nothing in it was used.',
        cause,
      },
    )
  }
  // `sign` is not in the sign string; base64 may carry CMB's escaped slashes.
  const sign = fields.sign?.replaceAll('\\/', '/')
  if (!sign || !verify(cmbSignString(fields), sign)) {
    throw createEcnyError('signature_invalid', `CMB's signature on ${what} does not verify.`, {
      hint: sign
        ? "Check gatewayPublicKey (CMB's key for this environment) and the SM2 user ID; a body altered in transit fails too. Nothing in it was used."
        : 'The message carries no sign field; nothing in it was used.',
    })
  }
  return fields
}

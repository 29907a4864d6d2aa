import { PermissionError } from '../errors/EcnyError.js'
// Type-only (erased from the bundle): the same parameter types as on Node.
import type { CreateKeySignerParameters } from './createKeySigner.js'
import type { Signer } from './Signer.js'

export type { CreateKeySignerParameters, PrivateKeyInput } from './createKeySigner.js'

/**
 * The browser build has no key import and no request signing: a private key must never be in a
 * page. This stand-in for `createKeySigner` (swapped in by the browser build) refuses every key.
 *
 * @example
 * await createKeySigner({ privateKey }) // throws insecure_environment in the browser build
 */
export async function createKeySigner(_parameters: CreateKeySignerParameters): Promise<Signer> {
  throw new PermissionError(
    'insecure_environment',
    'createKeySigner was called in the browser build of the SDK.',
    {
      hint: 'A private key in a browser is readable by every visitor, so the browser build cannot sign. Sign on your server, and give the page a client token (clientTokens.create).',
    },
  )
}

import { createKeySigner } from '../transport/createKeySigner.js'
import type { Auth } from '../transport/request.js'
import type { Signer } from '../transport/Signer.js'
import { signRequest } from '../transport/signRequest.js'
import type { ServerCredentials } from './config.js'

/**
 * Request signing with server credentials. The browser build of the SDK swaps this file for
 * `serverAuth.browser.ts`, so no signing code or key import reaches a browser bundle.
 */
export function serverAuth(credentials: ServerCredentials): Auth {
  let signer: Promise<Signer> | undefined
  return {
    kind: 'signature',
    appId: credentials.appId,
    async sign(request) {
      signer ??= 'signer' in credentials ? Promise.resolve(credentials.signer) : createKeySigner(credentials)
      return signRequest(await signer, { appId: credentials.appId, ...request })
    },
  }
}

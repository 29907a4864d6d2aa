import { PermissionError } from '../errors/EcnyError.js'
import type { Auth } from '../transport/request.js'
import type { ServerCredentials } from './config.js'

/** The browser build has no request signing: a private key must never be in a page. */
export function serverAuth(_credentials: ServerCredentials): Auth {
  throw new PermissionError(
    'insecure_environment',
    'Server credentials were passed to the browser build of the SDK.',
    {
      hint: 'A private key in a browser is readable by every visitor. Mint a client token on your server (clientTokens.create) and pass clientToken instead.',
    },
  )
}

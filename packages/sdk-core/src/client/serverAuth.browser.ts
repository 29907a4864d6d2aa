import { errorFrom } from '../errors/errorFrom.js'
import { credentialsInBrowserBuild } from '../errors/messagesEn.js'
import type { Auth } from '../transport/request.js'
import type { ServerCredentials } from './config.js'

/** The browser build has no request signing: a private key must never be in a page. */
export function serverAuth(_credentials: ServerCredentials): Auth {
  throw errorFrom(credentialsInBrowserBuild, {})
}

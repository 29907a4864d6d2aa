import { base64url } from 'jose'
import { nodeCrypto } from './nodeCrypto.js'

const encoder = new TextEncoder()

export function utf8(text: string): Uint8Array {
  return encoder.encode(text)
}

/** base64url(SHA-256(bytes)): the `bdh` claim binding a signature to a body. */
export async function bodyDigest(bytes: Uint8Array): Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(bytes).digest('base64url')
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)
  return base64url.encode(new Uint8Array(digest))
}

export function randomId(prefix = ''): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return prefix + base64url.encode(bytes)
}

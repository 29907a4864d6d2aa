import { base64url } from 'jose'

const encoder = new TextEncoder()

export function utf8(text: string): Uint8Array {
  return encoder.encode(text)
}

/** base64url(SHA-256(bytes)): the `bdh` claim binding a signature to a body. */
export async function bodyDigest(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)
  return base64url.encode(new Uint8Array(digest))
}

export function randomId(prefix = ''): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return prefix + base64url.encode(bytes)
}

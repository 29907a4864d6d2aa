import { createHash } from 'node:crypto'

/** The bytes of a base64 text, or `undefined` when it is not valid base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  try {
    const binary = atob(text)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    return bytes
  } catch {
    return undefined
  }
}

/** Lower-case hex SHA-256 of bytes (what a document's `sha256` declares). */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

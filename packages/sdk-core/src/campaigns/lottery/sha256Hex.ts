import { createEcnyError } from '../../errors/EcnyError.js'

/**
 * SHA-256 of bytes (or of a text's UTF-8 bytes), as lowercase hex, via Web Crypto (`crypto.subtle`, in browsers'
 * secure contexts, Node ≥ 20, Deno, Bun and edge runtimes). Throws `insecure_environment` where Web
 * Crypto is missing (a browser page served over plain http).
 *
 * @example
 * await sha256Hex('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export async function sha256Hex(input: string | Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle
  if (!subtle) {
    throw createEcnyError(
      'insecure_environment',
      'Web Crypto (crypto.subtle) is not available here, so SHA-256 cannot be computed.',
      {
        hint: 'Serve the page over https (Web Crypto needs a secure context) or run on Node 20 or later.',
      },
    )
  }
  const digest = new Uint8Array(
    await subtle.digest(
      'SHA-256',
      (typeof input === 'string' ? new TextEncoder().encode(input) : input) as Uint8Array<ArrayBuffer>,
    ),
  )
  let hex = ''
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0')
  return hex
}

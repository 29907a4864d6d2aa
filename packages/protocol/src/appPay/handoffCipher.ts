/**
 * The hand-off's cipher, shared by the side that seals and the side that opens (WebCrypto only, so it
 * runs in Node ≥ 20 and edge runtimes alike):
 *
 * - a fresh 256-bit content key encrypts the order info with AES-256-GCM → `encryptedInfo`
 *   = base64url(iv ‖ ciphertext ‖ tag);
 * - the content key is encrypted to the wallet operator's P-256 key (ECIES: an ephemeral ECDH key,
 *   HKDF-SHA-256, AES-256-GCM) → `encryptedKey` = base64url(ephemeral public point ‖ iv ‖ wrapped key ‖ tag);
 * - both bind the clear fields (`merchantAppId`, `merchantNo`, `acqAgtInstnId`,
 *   `creditorInstitutionId`, `encryptionSN`) as associated data, so changing any of them is detected.
 */
import type { AppHandoff } from './appHandoff.js'

export const handoffVersion = 'ecny-app-handoff-v1'
export const pointLength = 65
export const ivLength = 12

export type ClearFields = Omit<AppHandoff, 'encryptedKey' | 'encryptedInfo'>

const encoder = new TextEncoder()

/** The associated data both layers bind: every field that travels in the clear. */
export function associatedData(clear: ClearFields): Uint8Array<ArrayBuffer> {
  return encoder.encode(
    JSON.stringify([
      handoffVersion,
      clear.merchantAppId,
      clear.merchantNo,
      clear.acqAgtInstnId ?? null,
      clear.creditorInstitutionId,
      clear.encryptionSN,
    ]),
  )
}

/** The key that wraps the content key, from the ECDH secret and the ephemeral point. */
export async function keyEncryptionKey(
  shared: ArrayBuffer,
  ephemeralPoint: Uint8Array<ArrayBuffer>,
  encryptionSN: string,
): Promise<CryptoKey> {
  const ikm = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey'])
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: ephemeralPoint,
      info: encoder.encode(`${handoffVersion}|${encryptionSN}`),
    },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Bytes of a base64url text, or `undefined` when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

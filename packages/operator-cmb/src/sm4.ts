import { createCipheriv, createDecipheriv } from 'node:crypto'
import { base64ToBytes, bytesToBase64, toBytes } from './bytes.js'
import { invalidInput } from './errors.js'

const zeroIv = new Uint8Array(16)

function keyBytes(key: string | Uint8Array): Uint8Array {
  const bytes = toBytes(key)
  if (bytes.length !== 16)
    throw invalidInput(
      'SM4 key',
      `An SM4 key is 16 bytes (a 16-character ASCII string or a Uint8Array); got ${bytes.length}.`,
    )
  return bytes
}

/**
 * SM4-CBC with a zero IV and PKCS#7 padding, base64 out: CMB's field encryption (§2.4.4).
 * A string key is taken as its UTF-8 bytes (CMB's sample key is ASCII `1234567890123456`).
 *
 * @example
 * sm4EncryptCbc('{"location":"+37.12/-121.213","mobile_country_cd":"460","lbs_signal1":"34D6A"}', '1234567890123456')
 * // 'ZeUBCWhERVgl7iyPZaIfGAqvo160MVexVqY1DoQDIb+j9A98Doqt4/lD…'
 */
export function sm4EncryptCbc(plaintext: string | Uint8Array, key: string | Uint8Array): string {
  const cipher = createCipheriv('sm4-cbc', keyBytes(key), zeroIv)
  return bytesToBase64(new Uint8Array(Buffer.concat([cipher.update(toBytes(plaintext)), cipher.final()])))
}

/**
 * The reverse of {@link sm4EncryptCbc}: base64 in, the UTF-8 plaintext out. Throws `invalid_request`
 * when the ciphertext is not base64, not whole blocks, or its padding is wrong (usually: wrong key).
 *
 * @example
 * const terminalInfo = JSON.parse(sm4DecryptCbc(fields.terminalInfo, sm4Key))
 */
export function sm4DecryptCbc(ciphertext: string, key: string | Uint8Array): string {
  const secret = keyBytes(key)
  try {
    const decipher = createDecipheriv('sm4-cbc', secret, zeroIv)
    const plain = Buffer.concat([decipher.update(base64ToBytes(ciphertext)), decipher.final()])
    return new TextDecoder('utf-8', { fatal: true }).decode(plain)
  } catch (error) {
    throw invalidInput(
      'SM4 ciphertext',
      'Pass the base64 SM4-CBC ciphertext and the key it was encrypted with.',
      error,
    )
  }
}

import type { AppHandoff, AppHandoffInfo, AppHandoffKey } from './appHandoff.js'
import {
  associatedData,
  type ClearFields,
  concat,
  ivLength,
  keyEncryptionKey,
  toBase64Url,
} from './handoffCipher.js'

export type SealAppHandoffParameters = {
  /** The clear routing fields, less `encryptionSN` (taken from `key`). */
  merchantAppId: string
  merchantNo: string
  acqAgtInstnId?: string | undefined
  creditorInstitutionId: string
  info: AppHandoffInfo
  /** The wallet operator's hand-off key (its serial and public JWK). */
  key: AppHandoffKey
}

/**
 * Seals an order for the holder's wallet app: only the holder of `key`'s private half can open it.
 * The merchant's server calls this (through `@ecny/sdk-merchant`); the browser never needs to.
 *
 * @example
 * const handoff = await sealAppHandoff({ merchantAppId, merchantNo, acqAgtInstnId,
 *   creditorInstitutionId, info, key })
 */
export async function sealAppHandoff(parameters: SealAppHandoffParameters): Promise<AppHandoff> {
  const { info, key, ...routing } = parameters
  const { acqAgtInstnId, ...required } = routing
  const clear: ClearFields = {
    ...required,
    ...(acqAgtInstnId !== undefined && { acqAgtInstnId }),
    encryptionSN: key.encryptionSN,
  }
  const aad = associatedData(clear)
  const operatorKey = await crypto.subtle.importKey(
    'jwk',
    { kty: 'EC', crv: 'P-256', x: key.publicKey.x, y: key.publicKey.y },
    { name: 'ECDH', namedCurve: 'P-256' },
    false,
    [],
  )
  const ephemeral = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, [
    'deriveBits',
  ])) as CryptoKeyPair
  const point = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey))
  const shared = await crypto.subtle.deriveBits(
    { name: 'ECDH', public: operatorKey },
    ephemeral.privateKey,
    256,
  )
  const kek = await keyEncryptionKey(shared, point, clear.encryptionSN)
  const contentKeyBytes = crypto.getRandomValues(new Uint8Array(32))
  const contentKey = await crypto.subtle.importKey('raw', contentKeyBytes, 'AES-GCM', false, ['encrypt'])
  const keyIv = crypto.getRandomValues(new Uint8Array(ivLength))
  const wrapped = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: keyIv, additionalData: aad },
    kek,
    contentKeyBytes,
  )
  const infoIv = crypto.getRandomValues(new Uint8Array(ivLength))
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: infoIv, additionalData: aad },
    contentKey,
    new TextEncoder().encode(JSON.stringify(info)),
  )
  return {
    ...clear,
    encryptedKey: toBase64Url(concat(point, keyIv, new Uint8Array(wrapped))),
    encryptedInfo: toBase64Url(concat(infoIv, new Uint8Array(sealed))),
  }
}

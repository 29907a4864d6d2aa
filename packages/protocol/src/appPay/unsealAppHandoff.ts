import { type AppHandoff, type AppHandoffInfo, appHandoffInfo } from './appHandoff.js'
import { associatedData, fromBase64Url, ivLength, keyEncryptionKey, pointLength } from './handoffCipher.js'

export type UnsealAppHandoffReturnType =
  | { ok: true; info: AppHandoffInfo }
  /** `malformed`: not the hand-off format; `tampered`: a field was changed or another key sealed it. */
  | { ok: false; reason: 'malformed' | 'tampered' }

/**
 * Opens a sealed hand-off with the wallet operator's private ECDH key (the one `encryptionSN` names;
 * the caller looks it up). Never throws for a bad hand-off: it answers why it could not open it.
 *
 * @example
 * const opened = await unsealAppHandoff(handoff, privateKeyFor(handoff.encryptionSN))
 * if (!opened.ok) refuse(opened.reason)
 */
export async function unsealAppHandoff(
  handoff: AppHandoff,
  privateKey: CryptoKey,
): Promise<UnsealAppHandoffReturnType> {
  const keyBytes = fromBase64Url(handoff.encryptedKey)
  const infoBytes = fromBase64Url(handoff.encryptedInfo)
  if (
    !keyBytes ||
    keyBytes.length !== pointLength + ivLength + 48 ||
    !infoBytes ||
    infoBytes.length <= ivLength + 16
  ) {
    return { ok: false, reason: 'malformed' }
  }
  const aad = associatedData(handoff)
  const point = keyBytes.slice(0, pointLength)
  let plaintext: ArrayBuffer
  try {
    const ephemeral = await crypto.subtle.importKey(
      'raw',
      point,
      { name: 'ECDH', namedCurve: 'P-256' },
      false,
      [],
    )
    const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: ephemeral }, privateKey, 256)
    const kek = await keyEncryptionKey(shared, point, handoff.encryptionSN)
    const contentKeyBytes = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: keyBytes.slice(pointLength, pointLength + ivLength), additionalData: aad },
      kek,
      keyBytes.slice(pointLength + ivLength),
    )
    const contentKey = await crypto.subtle.importKey('raw', contentKeyBytes, 'AES-GCM', false, ['decrypt'])
    plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: infoBytes.slice(0, ivLength), additionalData: aad },
      contentKey,
      infoBytes.slice(ivLength),
    )
  } catch {
    return { ok: false, reason: 'tampered' }
  }
  try {
    const info = appHandoffInfo.safeParse(JSON.parse(new TextDecoder().decode(plaintext)))
    return info.success ? { ok: true, info: info.data } : { ok: false, reason: 'malformed' }
  } catch {
    return { ok: false, reason: 'malformed' }
  }
}

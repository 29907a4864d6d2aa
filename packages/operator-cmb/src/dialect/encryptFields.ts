import { sm2Encrypt } from '../sm2Encrypt.js'
import { sm4EncryptCbc } from '../sm4.js'

/**
 * Encrypts sensitive fields (terminal, identity, location info: §2.4.4, since v3.2.1) with one fresh
 * SM4 key per request, and wraps that key with CMB's SM2 public key as `encryptKey`.
 *
 * @example
 * const { fields, encryptKey } = encryptCmbFields({ terminalInfo: JSON.stringify(info) }, gatewayPublicKey)
 */
export function encryptCmbFields(
  values: Record<string, string>,
  gatewayPublicKey: string | Uint8Array,
): { fields: Record<string, string>; encryptKey: string } {
  const key = crypto.getRandomValues(new Uint8Array(16))
  const fields: Record<string, string> = {}
  for (const [name, value] of Object.entries(values)) fields[name] = sm4EncryptCbc(value, key)
  return { fields, encryptKey: sm2Encrypt(key, gatewayPublicKey) }
}

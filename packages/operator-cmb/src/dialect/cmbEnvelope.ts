import { sm2Sign } from '../sm2Sign.js'
import { cmbSignString } from './signString.js'

/** The fixed envelope fields of every CMB message (§2.2, §2.4.1). */
export const cmbEnvelopeConstants = { version: '0.0.1', encoding: 'UTF-8', signMethod: '02' } as const

/**
 * A signed CMB envelope: `biz` goes in as the JSON string `biz_content`, `extra` (e.g. `encryptKey`,
 * `returnCode`) beside it, and `sign` is SM3withSM2 over the sorted `k=v&` string of all of them.
 *
 * @example
 * const envelope = signCmbEnvelope({ merId: '3089991…', orderId: 'A-1' }, privateKey, '1234567812345678')
 * JSON.stringify(envelope) // the request body
 */
export function signCmbEnvelope(
  biz: Record<string, unknown>,
  privateKey: string | Uint8Array,
  sm2UserId: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const fields: Record<string, string> = {
    ...cmbEnvelopeConstants,
    ...extra,
    biz_content: JSON.stringify(biz),
  }
  return { ...fields, sign: sm2Sign(cmbSignString(fields), privateKey, { userId: sm2UserId }) }
}

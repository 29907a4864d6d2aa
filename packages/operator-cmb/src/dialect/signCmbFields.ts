import { sm2Sign } from '../sm2Sign.js'
import { cmbEnvelopeConstants } from './cmbEnvelope.js'
import { cmbSignString } from './signString.js'

/**
 * Flat signed fields, as CMB sends a notification form (§2.4.1.2 ②, §4.3): the envelope constants
 * and every result field side by side (objects as JSON text), `sign` over their sorted `k=v&` string.
 *
 * @example
 * writeFormFields(signCmbFields({ merId, orderId: 'A-1', txnAmt: '1250' }, gatewayKey))
 */
export function signCmbFields(
  values: Record<string, unknown>,
  privateKey: string | Uint8Array,
  sm2UserId = '1234567812345678',
): Record<string, string> {
  const fields: Record<string, string> = { ...cmbEnvelopeConstants }
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) fields[key] = typeof value === 'string' ? value : JSON.stringify(value)
  }
  return { ...fields, sign: sm2Sign(cmbSignString(fields), privateKey, { userId: sm2UserId }) }
}

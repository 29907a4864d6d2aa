import { sm2Sign } from '../sm2Sign.js'
import { cmbEnvelopeConstants } from './cmbEnvelope.js'
import { cmbSignString } from './signString.js'

const escapeSlashes = (text: string) => text.replace(/\//g, '\\/')

/**
 * A gateway's answer as CMB writes it (what the simulator sends): the envelope fields, `biz_content`
 * as a JSON string, signed over the sorted `k=v&` string of the values **with slashes escaped**, and
 * the text serialised with `/` written `\/`. A client that parses and re-serialises the JSON before
 * verifying gets a different string and fails, as against the real gateway.
 *
 * @example
 * const text = cmbResponseText({ returnCode: 'SUCCESS', respCode: 'SUCCESS' }, { orderId: 'A-1' }, gatewayKey)
 */
export function cmbResponseText(
  fields: Record<string, string>,
  biz: Record<string, unknown> | undefined,
  privateKey: string | Uint8Array,
  sm2UserId = '1234567812345678',
): string {
  const all: Record<string, string> = {
    ...cmbEnvelopeConstants,
    ...fields,
    ...(biz !== undefined && { biz_content: JSON.stringify(biz) }),
  }
  const received = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, escapeSlashes(v)]))
  const sign = sm2Sign(cmbSignString(received), privateKey, { userId: sm2UserId })
  return escapeSlashes(JSON.stringify({ ...all, sign }))
}

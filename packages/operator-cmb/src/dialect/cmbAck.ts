import { signCmbEnvelope } from './cmbEnvelope.js'

/** A signed answer to CMB's notification: what the HTTP handler sends back. */
export type CmbAck = { status: number; headers: Record<string, string>; body: string }

/**
 * The **signed** SUCCESS acknowledgement CMB expects for a notification (§2.5): `returnCode` and
 * `respCode` `SUCCESS`, signed with your SM2 key. An unsigned or wrong ack counts as failed and CMB
 * sends the notification again (0, 15, 15, 30, 180, 1800×4, 3600 s).
 *
 * @example
 * const ack = buildCmbAck(process.env.CMB_PRIVATE_KEY!)
 * response.writeHead(ack.status, ack.headers).end(ack.body)
 */
export function buildCmbAck(privateKey: string | Uint8Array, sm2UserId = '1234567812345678'): CmbAck {
  const envelope = signCmbEnvelope({}, privateKey, sm2UserId, { returnCode: 'SUCCESS', respCode: 'SUCCESS' })
  return {
    status: 200,
    headers: { 'content-type': 'application/json;charset=UTF-8' },
    body: JSON.stringify(envelope),
  }
}

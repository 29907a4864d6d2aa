import { cmbApiSign } from '../cmbApiSign.js'
import type { CmbCall } from './cmbCallFor.js'
import type { CmbConfig } from './cmbConfig.js'
import { cmbBasePath } from './cmbConfig.js'
import { signCmbEnvelope } from './cmbEnvelope.js'
import { encryptCmbFields } from './encryptFields.js'

/** One HTTP request to CMB, ready for any HTTP client. */
export type CmbHttpRequest = {
  method: 'POST'
  url: string
  headers: Record<string, string>
  body: string
}

/**
 * The HTTP request for a CMB call: sensitive fields SM4-encrypted under a fresh key (wrapped for CMB
 * as `encryptKey`), the envelope signed, and the `appid` / `timestamp` / `apisign` headers (§2.4.3).
 * Build a new one per attempt: timestamp, signature and SM4 key are fresh each time.
 *
 * @example
 * const request = buildCmbRequest(config, cmbCallFor(config, matched, call, now), now)
 * await fetch(request.url, request)
 */
export function buildCmbRequest(config: CmbConfig, call: CmbCall, now: number): CmbHttpRequest {
  const extra: Record<string, string> = {}
  let biz = call.biz
  if (Object.keys(call.sensitive).length > 0) {
    const { fields, encryptKey } = encryptCmbFields(call.sensitive, config.gatewayPublicKey)
    biz = { ...biz, ...fields }
    extra.encryptKey = encryptKey
  }
  const envelope = signCmbEnvelope(biz, config.privateKey, config.sm2UserId, extra)
  const timestamp = Math.floor(now / 1000)
  return {
    method: 'POST',
    url: `${config.origin}${cmbBasePath}${call.endpoint}`,
    headers: {
      appid: config.appId,
      timestamp: String(timestamp),
      apisign: cmbApiSign({ appId: config.appId, secret: config.secret, sign: envelope.sign!, timestamp }),
      'content-type': 'application/json;charset=UTF-8',
      accept: 'application/json',
    },
    body: JSON.stringify(envelope),
  }
}

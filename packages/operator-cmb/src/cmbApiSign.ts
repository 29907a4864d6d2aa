import { createHash } from 'node:crypto'

export type CmbApiSignParameters = {
  appId: string
  secret: string
  /** The request body's `sign` (the SM2 signature, base64). */
  sign: string
  /** The `timestamp` header: seconds since the epoch. */
  timestamp: string | number
}

/**
 * CMB's `apisign` header (§2.4.3): lowercase hex MD5 of `appid=…&secret=…&sign=…&timestamp=…`.
 *
 * @example
 * headers.apisign = cmbApiSign({ appId, secret, sign: body.sign, timestamp })
 */
export function cmbApiSign({ appId, secret, sign, timestamp }: CmbApiSignParameters): string {
  return createHash('md5')
    .update(`appid=${appId}&secret=${secret}&sign=${sign}&timestamp=${timestamp}`, 'utf8')
    .digest('hex')
}

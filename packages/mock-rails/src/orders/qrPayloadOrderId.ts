/** The QR payload grammar the rails issue: `ecny://pay?o=<order id>`. */
const qrPayloadPattern = /^ecny:\/\/pay\?o=(ord_[0-9a-z]+)/

/**
 * The order id a scanned QR payload names, read exactly as `resolveQr` reads it, or `undefined` when
 * the payload is not one the rails issued. Scope checks compare this id; they never build a pattern.
 *
 * @example
 * qrPayloadOrderId('ecny://pay?o=ord_1a2b') // 'ord_1a2b'
 * qrPayloadOrderId('https://example.test') // undefined
 */
export function qrPayloadOrderId(payload: string): string | undefined {
  return qrPayloadPattern.exec(payload)?.[1]
}

import { sm2PublicKeyFromPrivateKey } from '@ecny/operator-cmb'

/** The simulated CMB gateway's SM2 key pair: hex private key, base64 SPKI public key (as CMB publishes it). */
export type CmbGatewayKeys = { privateKey: string; publicKey: string }

/**
 * A fresh gateway key pair, made when the CMB door starts (never a fixed key in the code).
 *
 * @example
 * const { publicKey } = generateCmbGatewayKeys() // give this to cmb({ gatewayPublicKey })
 */
export function generateCmbGatewayKeys(): CmbGatewayKeys {
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(32))
    const privateKey = Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
      .join('')
      .toUpperCase()
    try {
      return { privateKey, publicKey: sm2PublicKeyFromPrivateKey(privateKey) }
    } catch {
      // out of range (probability ~2^-32): draw again
    }
  }
}

import { bodyDigest, randomId } from '@ecny/sdk-core/internal'
import { CompactSign, importJWK } from 'jose'
import type { Rails } from '../createRails.js'

export type GatewaySignatureType = 'ecny-response+jws' | 'ecny-notification+jws'

/**
 * Signs like the gateway (`{iss, iat, jti, bdh, rid}`, ES256, newest key) for what the HTTP door and
 * the outbox cannot carry yet: CSV statements and merchant review notifications. The key is read from
 * the rails' own snapshot (the only public way to it), once per key id.
 */
export function createGatewaySigner(rails: Rails) {
  const encoder = new TextEncoder()
  const imported = new Map<string, Promise<CryptoKey>>()
  return async (type: GatewaySignatureType, body: Uint8Array, rid: string): Promise<string> => {
    const key = rails.snapshot().gatewayKeys.at(-1)
    if (!key) throw new Error('The rails have no gateway key yet.')
    let privateKey = imported.get(key.kid)
    if (!privateKey) {
      privateKey = importJWK(key.privateJwk, 'ES256') as Promise<CryptoKey>
      imported.set(key.kid, privateKey)
    }
    const claims = {
      iss: 'ecny-gateway',
      iat: Math.floor(rails.clock.now() / 1000),
      jti: randomId(),
      bdh: await bodyDigest(body),
      rid,
    }
    return new CompactSign(encoder.encode(JSON.stringify(claims)))
      .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: type })
      .sign(await privateKey)
  }
}

export type GatewaySigner = ReturnType<typeof createGatewaySigner>

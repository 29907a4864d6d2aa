import type { signatureTypes } from '@ecny/protocol'
import { bodyDigest, randomId } from '@ecny/sdk-core/internal'
import { CompactSign, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'
import type { RailsClock } from '../support/railsClock.js'

/** One gateway signing key; private part included so a saved sandbox state keeps signing the same way. */
export type GatewayKeyRecord = { kid: string; privateJwk: JWK; publicJwk: JWK; createdAt: number }

/**
 * What a response signature binds besides the body: the request it answers (method, path and query,
 * the `Ecny-Nonce` it carried) and the HTTP status it is sent with (`sts`), so a man in the middle
 * cannot turn a committed 200 into a 400 or an error into a success without breaking the signature.
 */
export type ResponseBinding = { htm?: string; htu?: string; nonce?: string; sts?: number }

/** The signature types the gateway produces. */
export type GatewaySignatureType = typeof signatureTypes.response | typeof signatureTypes.notification

export type GatewayKeyRing = ReturnType<typeof createGatewayKeyRing>

const encoder = new TextEncoder()

/**
 * The gateway's ES256 keys. The newest signs; every key stays published in the JWKS, so after
 * `rotate()` clients holding the old key still verify older messages and fetch the new key when they
 * meet its `kid`. Keys are generated at run time (never committed).
 */
export function createGatewayKeyRing(clock: RailsClock, saved: GatewayKeyRecord[] = []) {
  const keys: GatewayKeyRecord[] = [...saved]
  const imported = new Map<string, Promise<CryptoKey>>()
  let pending: Promise<GatewayKeyRecord> | undefined

  async function generate(): Promise<GatewayKeyRecord> {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true })
    const kid = `gw-${clock.now().toString(36)}-${keys.length + 1}`
    const base = { kid, alg: 'ES256', use: 'sig' }
    const record: GatewayKeyRecord = {
      kid,
      privateJwk: { ...(await exportJWK(privateKey)), ...base },
      publicJwk: { ...(await exportJWK(publicKey)), ...base },
      createdAt: clock.now(),
    }
    keys.push(record)
    return record
  }

  async function active(): Promise<GatewayKeyRecord> {
    const newest = keys.at(-1)
    if (newest) return newest
    pending ??= generate()
    return pending
  }

  function privateKeyOf(record: GatewayKeyRecord): Promise<CryptoKey> {
    let key = imported.get(record.kid)
    if (!key) {
      key = importJWK(record.privateJwk, 'ES256') as Promise<CryptoKey>
      imported.set(record.kid, key)
    }
    return key
  }

  return {
    /**
     * Signs `body` for the gateway: `{iss, iat, jti, bdh, rid}` in a compact JWS of the given type,
     * plus, for a response, what binds it to its request (`htm`, `htu`, the client's `nonce`) and its
     * HTTP status (`sts`). Notifications have no status and carry none.
     */
    async sign(
      type: GatewaySignatureType,
      body: Uint8Array,
      rid: string,
      binding: ResponseBinding = {},
    ): Promise<string> {
      const record = await active()
      const claims = {
        iss: 'ecny-gateway',
        iat: Math.floor(clock.now() / 1000),
        jti: randomId(),
        bdh: await bodyDigest(body),
        rid,
        ...binding,
      }
      return new CompactSign(encoder.encode(JSON.stringify(claims)))
        .setProtectedHeader({ alg: 'ES256', kid: record.kid, typ: type })
        .sign(await privateKeyOf(record))
    },
    /** The public keys, newest last: what `GET /.well-known/jwks.json` serves. */
    async jwks(): Promise<{ keys: JWK[] }> {
      await active()
      return { keys: keys.map((key) => key.publicJwk) }
    },
    /** Adds a new signing key and keeps the old ones published. */
    async rotate(): Promise<{ kid: string }> {
      await active()
      const record = await generate()
      return { kid: record.kid }
    },
    /** Replaces the keys with saved ones (restore). */
    load(saved: GatewayKeyRecord[]): void {
      keys.splice(0, keys.length, ...saved.map((key) => ({ ...key })))
      imported.clear()
      pending = undefined
    },
    /** For snapshots. */
    export(): GatewayKeyRecord[] {
      return keys.map((key) => ({ ...key }))
    },
  }
}

import { headers as protocolHeaders } from '@ecny/protocol'
import { createKeySigner } from '@ecny/sdk-core'
import { bodyDigest, randomId, signCompact } from '@ecny/sdk-core/internal'
import { notificationSignatureType } from './verifyNotification.js'

/** A private JWK with its key id, as {@link createTestNotificationKeys} makes it. */
export type TestPrivateJwk = JsonWebKey & { kid: string; alg: 'ES256' }

export type TestNotificationKeys = {
  /** Signs test notifications; keep it in your tests. */
  privateKey: TestPrivateJwk
  /** The matching public key. */
  publicKey: JsonWebKey & { kid: string; alg: 'ES256'; use: 'sig' }
  /** Pass this as `gatewayKeys` to the verifier under test. */
  jwks: { keys: Array<JsonWebKey & { kid: string; alg: 'ES256'; use: 'sig' }> }
}

/**
 * Generates a throwaway ES256 key pair standing in for the gateway's, to test your notification
 * handler without a gateway: sign with `privateKey`, verify with `jwks`.
 *
 * @example
 * const keys = await createTestNotificationKeys()
 * const verify = createNodeNotificationVerifier({ gatewayKeys: keys.jwks })
 */
export async function createTestNotificationKeys(
  options: { kid?: string } = {},
): Promise<TestNotificationKeys> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair
  const kid = options.kid ?? randomId('test-gw-')
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey)
  const publicJwk = await crypto.subtle.exportKey('jwk', pair.publicKey)
  const publicKey = {
    kty: publicJwk.kty,
    crv: publicJwk.crv,
    x: publicJwk.x,
    y: publicJwk.y,
    kid,
    alg: 'ES256' as const,
    use: 'sig' as const,
  }
  return {
    privateKey: {
      kty: privateJwk.kty,
      crv: privateJwk.crv,
      x: privateJwk.x,
      y: privateJwk.y,
      d: privateJwk.d,
      kid,
      alg: 'ES256',
    },
    publicKey,
    jwks: { keys: [publicKey] },
  }
}

export type TestNotificationInput = {
  /** Default: a random `evt_test_…` id. */
  id?: string
  type: string
  /** Default: now. */
  createdAt?: string
  attempt?: number
  data: unknown
}

export type SignTestNotificationOptions = {
  privateKey: TestPrivateJwk | (JsonWebKey & { kid?: string })
  /** Signing time in ms, e.g. in the past to test the tolerance. Default now. */
  timestamp?: number
}

/** A signed notification as the gateway would POST it. */
export type SignedTestNotification = {
  /** The raw JSON body. */
  body: string
  /** `content-type`, `ecny-signature`, `ecny-notification-id`. */
  headers: Record<string, string>
  /** The event id (also the signature's `rid`). */
  id: string
}

/**
 * Signs an event the way the gateway signs notifications (compact JWS, typ `ecny-notification+jws`,
 * `rid` = event id, `bdh` = digest of the body), so you can POST it to your own handler in tests.
 *
 * @example
 * const keys = await createTestNotificationKeys()
 * const signed = await signTestNotification(
 *   { type: 'order.succeeded', data: order },
 *   { privateKey: keys.privateKey },
 * )
 * await fetch('http://127.0.0.1:3000/ecny/notify', { method: 'POST', headers: signed.headers, body: signed.body })
 */
export async function signTestNotification(
  event: TestNotificationInput,
  options: SignTestNotificationOptions,
): Promise<SignedTestNotification> {
  const at = options.timestamp ?? Date.now()
  const id = event.id ?? randomId('evt_test_')
  const body = JSON.stringify({
    id,
    type: event.type,
    createdAt: event.createdAt ?? new Date(at).toISOString(),
    ...(event.attempt !== undefined && { attempt: event.attempt }),
    data: event.data,
  })
  const signer = await createKeySigner({
    privateKey: options.privateKey as Parameters<typeof createKeySigner>[0]['privateKey'],
  })
  const signature = await signCompact(signer, notificationSignatureType, {
    iss: 'ecny-gateway',
    iat: Math.floor(at / 1000),
    jti: randomId(),
    bdh: await bodyDigest(new TextEncoder().encode(body)),
    rid: id,
  })
  return {
    body,
    id,
    headers: {
      'content-type': 'application/json',
      [protocolHeaders.signature]: signature,
      [protocolHeaders.notificationId]: id,
    },
  }
}

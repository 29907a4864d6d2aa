import { base64url } from 'jose'
import { allowedAlgorithms, type SigningAlgorithm } from './allowedAlgorithms.js'
import { nodeCrypto } from './nodeCrypto.js'

export type JwsHeader = { alg: SigningAlgorithm; kid?: string; typ?: string } & Record<string, unknown>

/** Why a compact JWS was refused, before any of its content is trusted. */
export class JwsRejection extends Error {
  constructor(
    readonly reason: 'malformed' | 'algorithm' | 'signature',
    message: string,
  ) {
    super(message)
  }
}

const webCryptoParameters = {
  ES256: { name: 'ECDSA', hash: 'SHA-256' },
  EdDSA: { name: 'Ed25519' },
} as const

const keyObjects = new WeakMap<CryptoKey, unknown>()

function decodeHeader(segment: string): JwsHeader {
  let header: unknown
  try {
    header = JSON.parse(new TextDecoder().decode(base64url.decode(segment)))
  } catch {
    throw new JwsRejection('malformed', 'The protected header is not base64url JSON.')
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    throw new JwsRejection('malformed', 'The protected header is not a JSON object.')
  const { alg, crit, b64 } = header as Record<string, unknown>
  if (crit !== undefined || b64 !== undefined)
    throw new JwsRejection(
      'malformed',
      'The protected header asks for extensions (crit/b64) that are not accepted.',
    )
  if (typeof alg !== 'string' || !(allowedAlgorithms as readonly string[]).includes(alg))
    throw new JwsRejection(
      'algorithm',
      `The signature uses algorithm "${String(alg)}", which is not allowed.`,
    )
  return header as JwsHeader
}

async function signatureValid(
  alg: SigningAlgorithm,
  key: CryptoKey,
  input: Uint8Array,
  signature: Uint8Array,
) {
  if (alg === 'ES256' && signature.length !== 64) return false
  if (nodeCrypto) {
    let keyObject = keyObjects.get(key)
    if (!keyObject) {
      keyObject = nodeCrypto.KeyObject.from(key)
      keyObjects.set(key, keyObject)
    }
    return alg === 'ES256'
      ? nodeCrypto.verify('sha256', input, { key: keyObject, dsaEncoding: 'ieee-p1363' }, signature)
      : nodeCrypto.verify(null, input, keyObject, signature)
  }
  return crypto.subtle.verify(
    webCryptoParameters[alg],
    key,
    signature as Uint8Array<ArrayBuffer>,
    input as Uint8Array<ArrayBuffer>,
  )
}

/**
 * Verifies a compact JWS (RFC 7515) against the algorithm allow-list: the header is decoded, its
 * `alg` must be ES256 or EdDSA (never `none`, never HMAC), `crit`/`b64` extensions are refused, the
 * key comes from `resolveKey(header)`, and only a valid signature yields the payload. On Node the
 * check runs synchronously in `node:crypto`; elsewhere in WebCrypto.
 */
export async function verifyCompactJws(
  jws: string,
  resolveKey: (header: JwsHeader) => Promise<CryptoKey> | CryptoKey,
): Promise<{ header: JwsHeader; payload: Uint8Array }> {
  const parts = jws.split('.')
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]*$/.test(part)))
    throw new JwsRejection('malformed', 'The signature is not a compact JWS (three base64url parts).')
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string]
  const header = decodeHeader(headerPart)
  const key = await resolveKey(header)
  const input = new TextEncoder().encode(`${headerPart}.${payloadPart}`)
  if (!(await signatureValid(header.alg, key, input, base64url.decode(signaturePart))))
    throw new JwsRejection('signature', 'The signature does not verify.')
  return { header, payload: base64url.decode(payloadPart) }
}

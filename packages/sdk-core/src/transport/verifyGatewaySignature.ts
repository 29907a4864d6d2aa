import { compactVerify, decodeProtectedHeader } from 'jose'
import { EcnyError, SignatureError } from '../errors/EcnyError.js'
import { allowedAlgorithms } from './allowedAlgorithms.js'
import { bodyDigest } from './bytes.js'
import type { GatewayKeySet } from './createGatewayKeySet.js'

export type VerifyGatewaySignatureParameters = {
  /** The `Ecny-Signature` header as received. */
  signature: string | null | undefined
  /** The body exactly as received, before any parsing. */
  body?: Uint8Array
  /** base64url SHA-256 of the body, when it was hashed while streaming to disk. */
  bodyDigest?: string
  keys: GatewayKeySet
  /** Expected `typ`: `ecny-response+jws` or `ecny-notification+jws`. */
  type: string
  /** When given, the `rid` claim must equal it (the request or event id). */
  expectedRid?: string | undefined
  /** Largest accepted difference between `iat` and now, in seconds. */
  toleranceSeconds?: number
  nowSeconds?: number
  requestId?: string | undefined
}

export type GatewayClaims = { iss: string; iat: number; jti: string; bdh: string; rid: string }

/**
 * Checks a gateway signature over the raw bytes, before anything is parsed: the algorithm is on the
 * allow-list, the key is the gateway's, the signature is valid, the body digest matches, the
 * timestamp is fresh, and the `rid` claim binds it to this request or event.
 */
export async function verifyGatewaySignature(
  parameters: VerifyGatewaySignatureParameters,
): Promise<GatewayClaims> {
  const { signature, requestId } = parameters
  const fail = (message: string, cause?: unknown) =>
    new SignatureError('signature_invalid', message, {
      hint: 'The message was not trusted and nothing in it was used. If this persists, check gatewayKeys and your clock.',
      requestId,
      cause,
    })
  if (!signature) throw fail('The gateway message carries no Ecny-Signature header.')
  let header: ReturnType<typeof decodeProtectedHeader>
  try {
    header = decodeProtectedHeader(signature)
  } catch (cause) {
    throw fail('The Ecny-Signature header is not a compact JWS.', cause)
  }
  if (header.typ !== parameters.type)
    throw fail(`The signature type is "${String(header.typ)}", expected "${parameters.type}".`)
  let payload: Uint8Array
  try {
    const key = await parameters.keys(header.kid, String(header.alg))
    const result = await compactVerify(signature, key, { algorithms: [...allowedAlgorithms] })
    payload = result.payload
  } catch (cause) {
    if (cause instanceof EcnyError) throw cause
    throw fail('The gateway signature does not verify.', cause)
  }
  let claims: GatewayClaims
  try {
    claims = JSON.parse(new TextDecoder().decode(payload)) as GatewayClaims
  } catch (cause) {
    throw fail('The gateway signature carries unreadable claims.', cause)
  }
  const digest = parameters.bodyDigest ?? (await bodyDigest(parameters.body ?? new Uint8Array()))
  if (claims.bdh !== digest)
    throw fail('The body does not match its signature (digest mismatch): it was altered in transit.')
  const now = parameters.nowSeconds ?? Math.floor(Date.now() / 1000)
  const tolerance = parameters.toleranceSeconds ?? 300
  if (typeof claims.iat !== 'number' || Math.abs(now - claims.iat) > tolerance)
    throw fail(
      `The gateway signature is ${typeof claims.iat === 'number' ? Math.abs(now - claims.iat) : '?'} s from now, over the ${tolerance} s tolerance.`,
    )
  if (parameters.expectedRid !== undefined && claims.rid !== parameters.expectedRid)
    throw fail('The signature belongs to a different request or event (rid mismatch).')
  return claims
}

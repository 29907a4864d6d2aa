import { EcnyError, SignatureError } from '../errors/EcnyError.js'
import { maskText } from '../log/mask.js'
import { bodyDigest } from './bytes.js'
import type { GatewayKeySet } from './createGatewayKeySet.js'
import { JwsRejection, verifyCompactJws } from './verifyCompactJws.js'

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
  /**
   * For responses: the request this must answer. The claims must name its method and path+query and
   * echo its `Ecny-Nonce`, so a genuine response to another (or an earlier) request is refused.
   */
  expectedRequest?: { htm: string; htu: string; nonce: string } | undefined
  /**
   * For responses: the HTTP status as received. The `sts` claim must equal it, so a status rewritten
   * in transit (a committed 200 turned into a 400, an error into a 200) is refused.
   */
  expectedStatus?: number | undefined
  /** Largest accepted difference between `iat` and now, in seconds. */
  toleranceSeconds?: number
  nowSeconds?: number
  requestId?: string | undefined
}

export type GatewayClaims = {
  iss: string
  iat: number
  jti: string
  bdh: string
  rid: string
  htm?: string
  htu?: string
  nonce?: string
  /** The HTTP status the gateway sent the response with (responses only). */
  sts?: number
}

/**
 * Checks a gateway signature over the raw bytes, before anything is parsed: the algorithm is on the
 * allow-list, the key is the gateway's, the signature is valid, the body digest matches, the
 * timestamp is fresh, and the `rid` claim binds it to this request or event; for a response, the
 * claims also name the request it answers and the HTTP status it was sent with (`sts`).
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
  let payload: Uint8Array
  try {
    const result = await verifyCompactJws(signature, (header) => {
      if (header.typ !== parameters.type)
        throw fail(`The signature type is "${String(header.typ)}", expected "${parameters.type}".`)
      return parameters.keys(header.kid, header.alg)
    })
    payload = result.payload
  } catch (cause) {
    if (cause instanceof EcnyError) throw cause
    throw fail(
      cause instanceof JwsRejection
        ? `Gateway signature refused: ${cause.message}`
        : 'The gateway signature does not verify.',
      cause,
    )
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
  const expected = parameters.expectedRequest
  if (
    expected &&
    (claims.htm !== expected.htm || claims.htu !== expected.htu || claims.nonce !== expected.nonce)
  )
    throw fail(
      maskText(
        `The signed response answers ${claims.htm ?? '?'} ${claims.htu ?? '?'}${claims.nonce === expected.nonce ? '' : ' (another request)'}, not ${expected.htm} ${expected.htu}: it was replayed or swapped in transit.`,
      ),
    )
  if (parameters.expectedStatus !== undefined && claims.sts !== parameters.expectedStatus)
    throw fail(
      typeof claims.sts === 'number'
        ? `The response arrived as HTTP ${parameters.expectedStatus} but the gateway signed HTTP ${claims.sts}: the status was altered in transit.`
        : `The response signature does not sign its HTTP status (${parameters.expectedStatus}).`,
    )
  return claims
}

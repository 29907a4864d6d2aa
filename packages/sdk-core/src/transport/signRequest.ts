import { signatureTypes } from '@ecny/protocol'
import { bodyDigest, randomId } from './bytes.js'
import type { Signer } from './Signer.js'
import { signCompact } from './signCompact.js'

export type SignRequestParameters = {
  appId: string
  method: string
  /** Path and query exactly as sent, e.g. `/v1/orders?merchantOrderNo=A1`. */
  pathWithQuery: string
  body: Uint8Array
  /** Unix seconds; defaults to now. */
  issuedAt?: number
}

/**
 * The `Ecny-Signature` header value for one attempt of a request: a compact JWS over
 * `{iss, htm, htu, iat, jti, bdh}` (DPoP-shaped, plus a body digest). Each attempt gets a fresh
 * `jti` and `iat`, so a retry is never rejected as a replay.
 */
export async function signRequest(signer: Signer, parameters: SignRequestParameters): Promise<string> {
  return signCompact(signer, signatureTypes.request, {
    iss: parameters.appId,
    htm: parameters.method.toUpperCase(),
    htu: parameters.pathWithQuery,
    iat: parameters.issuedAt ?? Math.floor(Date.now() / 1000),
    jti: randomId(),
    bdh: await bodyDigest(parameters.body),
  })
}

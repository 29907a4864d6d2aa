import { base64url } from 'jose'
import { utf8 } from './bytes.js'
import type { Signer } from './Signer.js'

/** Builds a compact JWS over JSON claims with the signer's raw signature. */
export async function signCompact(
  signer: Signer,
  typ: string,
  claims: Record<string, unknown>,
): Promise<string> {
  const header = base64url.encode(utf8(JSON.stringify({ alg: signer.alg, kid: signer.kid, typ })))
  const payload = base64url.encode(utf8(JSON.stringify(claims)))
  const signingInput = `${header}.${payload}`
  const signature = await signer.sign(utf8(signingInput))
  return `${signingInput}.${base64url.encode(signature)}`
}

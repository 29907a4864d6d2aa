/** JWS forgery with node:crypto only, so nothing here shares code with the signing it attacks. */
import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  sign,
} from 'node:crypto'

const b64 = (value: string | Buffer | Uint8Array) => Buffer.from(value).toString('base64url')

export function decodeJws(token: string): {
  header: Record<string, unknown>
  claims: Record<string, unknown>
} {
  const [header, claims] = token.split('.')
  return {
    header: JSON.parse(Buffer.from(header ?? '', 'base64url').toString('utf8')),
    claims: JSON.parse(Buffer.from(claims ?? '', 'base64url').toString('utf8')),
  }
}

/** A compact JWS over `claims` with whatever header and signing function the attacker chooses. */
export function forgeJws(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  signWith: (input: Buffer) => Buffer | Uint8Array,
): string {
  const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(claims))}`
  return `${input}.${b64(signWith(Buffer.from(input)))}`
}

/** ES256 with a private JWK, raw r‖s as JWS wants it. */
export const es256 = (privateJwk: JsonWebKey) => {
  const key = createPrivateKey({ key: privateJwk, format: 'jwk' })
  return (input: Buffer) => sign('sha256', input, { key, dsaEncoding: 'ieee-p1363' })
}

/** HMAC-SHA256 keyed with something public (the classic algorithm-confusion attack). */
export const hs256 = (secret: string | Buffer) => (input: Buffer) =>
  createHmac('sha256', secret).update(input).digest()

/** A fresh P-256 key pair nobody registered anywhere. */
export function attackerKey(): { privateJwk: JsonWebKey; publicJwk: JsonWebKey } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  return { privateJwk: privateKey.export({ format: 'jwk' }), publicJwk: publicKey.export({ format: 'jwk' }) }
}

/** The secrets an HS256-with-the-public-key attacker would try: the JWK as JSON, and its PEM. */
export function publicKeyAsSecrets(publicJwk: JsonWebKey): Array<string | Buffer> {
  const { kty, crv, x, y } = publicJwk
  const pem = createPublicKey({ key: { kty, crv, x, y }, format: 'jwk' }).export({
    type: 'spki',
    format: 'pem',
  })
  return [
    JSON.stringify({ kty, crv, x, y }),
    JSON.stringify(publicJwk),
    pem,
    Buffer.from(`${x ?? ''}${y ?? ''}`),
  ]
}

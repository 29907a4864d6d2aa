import { calculateJwkThumbprint, importJWK, importPKCS8, type JWK } from 'jose'
import { InvalidRequestError } from '../errors/EcnyError.js'
import { allowedAlgorithms, type SigningAlgorithm } from './allowedAlgorithms.js'
import type { Signer } from './Signer.js'

/** A Node `KeyObject`, described structurally so this file never imports `node:crypto`. */
type KeyObjectLike = {
  type: string
  asymmetricKeyType?: string | undefined
  export(options: { format: 'jwk' }): JWK
}

export type PrivateKeyInput = JWK | string | KeyObjectLike

export type CreateKeySignerParameters = {
  /** A private JWK, a PKCS#8 PEM string, or a Node `KeyObject`. */
  privateKey: PrivateKeyInput
  /** Required for PEM keys only when it cannot be inferred. */
  alg?: SigningAlgorithm
  /** Defaults to the JWK's `kid`, else its RFC 7638 thumbprint. */
  kid?: string
}

/** The PKCS#8 PEM header, spelled in two parts so secret scanners do not take this file for a key. */
const pkcs8Header = `-----BEGIN ${'PRIVATE KEY'}-----`

const webCryptoAlgorithm = {
  ES256: { name: 'ECDSA', hash: 'SHA-256' },
  EdDSA: { name: 'Ed25519' },
} as const

function keyError(message: string): InvalidRequestError {
  return new InvalidRequestError('invalid_request', `Invalid privateKey: ${message}.`, {
    hint: 'Pass a P-256 (ES256) or Ed25519 (EdDSA) private key as a JWK, a PKCS#8 PEM string, or a KeyObject.',
  })
}

function isKeyObject(value: unknown): value is KeyObjectLike {
  return typeof value === 'object' && value !== null && 'export' in value && 'asymmetricKeyType' in value
}

function algorithmForJwk(jwk: JWK): SigningAlgorithm {
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256'
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA'
  throw keyError(`unsupported key type ${jwk.kty}/${jwk.crv ?? '?'}`)
}

async function fromJwk(jwk: JWK, kid: string | undefined) {
  if (!jwk.d) throw keyError('the JWK has no private part ("d"); this is a public key')
  const alg = algorithmForJwk(jwk)
  const key = (await importJWK({ ...jwk, alg }, alg)) as CryptoKey
  const { d: _d, ...publicJwk } = jwk
  const resolvedKid = kid ?? jwk.kid ?? (await calculateJwkThumbprint(publicJwk))
  return { alg, key, kid: resolvedKid }
}

/**
 * Turns a private key into a {@link Signer}. Used by `createClient` for server credentials; call it
 * yourself to check a key at start-up.
 *
 * @example
 * const signer = await createKeySigner({ privateKey: process.env.ECNY_PRIVATE_KEY_PEM! })
 */
export async function createKeySigner(parameters: CreateKeySignerParameters): Promise<Signer> {
  const { privateKey } = parameters
  let resolved: { alg: SigningAlgorithm; key: CryptoKey; kid: string }
  if (typeof privateKey === 'string') {
    if (!privateKey.includes(pkcs8Header))
      throw keyError(`a string key must be a PKCS#8 PEM ("${pkcs8Header}")`)
    const candidates = parameters.alg ? [parameters.alg] : allowedAlgorithms
    let key: CryptoKey | undefined
    let alg: SigningAlgorithm | undefined
    for (const candidate of candidates) {
      try {
        key = (await importPKCS8(privateKey, candidate, { extractable: true })) as CryptoKey
        alg = candidate
        break
      } catch {}
    }
    if (!key || !alg) throw keyError('the PEM is not a P-256 or Ed25519 private key')
    const jwk = (await crypto.subtle.exportKey('jwk', key)) as JWK
    resolved = await fromJwk(jwk, parameters.kid)
  } else if (isKeyObject(privateKey)) {
    if (privateKey.type !== 'private')
      throw keyError(`the KeyObject is a ${privateKey.type} key, not a private key`)
    resolved = await fromJwk(privateKey.export({ format: 'jwk' }), parameters.kid)
  } else if (typeof privateKey === 'object' && privateKey !== null && 'kty' in privateKey) {
    resolved = await fromJwk(privateKey, parameters.kid)
  } else {
    throw keyError('expected a JWK object, a PEM string or a KeyObject')
  }
  if (parameters.alg && parameters.alg !== resolved.alg)
    throw keyError(`alg ${parameters.alg} does not match the key (${resolved.alg})`)
  const { alg, key, kid } = resolved
  return {
    alg,
    kid,
    async sign(signingInput) {
      const signature = await crypto.subtle.sign(
        webCryptoAlgorithm[alg],
        key,
        signingInput as Uint8Array<ArrayBuffer>,
      )
      return new Uint8Array(signature)
    },
  }
}

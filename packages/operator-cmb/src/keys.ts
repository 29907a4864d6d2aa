import { base64ToBytes, bytesToBase64, bytesToBigint, hexToBytes } from './bytes.js'
import { Sm2Point, sm2Curve } from './curve.js'
import { childOfTag, decodeChildren, decodeNode, encodeNode, encodeSequence, tag } from './der.js'
import { invalidInput } from './errors.js'

/** A private key: 64 hex digits as CMB publishes it, a PKCS#8 or SEC1 PEM, or 32 raw bytes. */
export type Sm2PrivateKeyInput = string | Uint8Array
/** A public key: base64 SPKI as CMB publishes it, an SPKI PEM, `04…` hex, or SPKI/SEC1 bytes. */
export type Sm2PublicKeyInput = string | Uint8Array

const ecPublicKeyOid = hexToBytes('2a8648ce3d0201')
const sm2CurveOid = hexToBytes('2a811ccf5501822d')
const privateKeyHint =
  'Pass the SM2 private key as 64 hex digits (as CMB issues it), a PKCS#8 or SEC1 PEM, or 32 bytes.'
const publicKeyHint =
  'Pass the SM2 public key as base64 SPKI (as CMB publishes it), an SPKI PEM, 04-prefixed hex, or bytes.'

function readPem(text: string): { label: string; der: Uint8Array } | undefined {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text)
  return match ? { label: match[1]!, der: base64ToBytes(match[2]!) } : undefined
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i])
}

/** AlgorithmIdentifier { id-ecPublicKey, sm2 }; anything else is someone else's key. */
function assertSm2Algorithm(content: Uint8Array): void {
  const [algorithm, curve] = decodeChildren(content)
  if (
    !sameBytes(childOfTag(algorithm, tag.oid), ecPublicKeyOid) ||
    !sameBytes(childOfTag(curve, tag.oid), sm2CurveOid)
  )
    throw new TypeError('not an SM2 key (the curve is not sm2)')
}

/** SEC1 ECPrivateKey: SEQUENCE { 1, OCTET STRING d, [0] params?, [1] public key? }. */
function scalarFromSec1(der: Uint8Array): bigint {
  const [version, secret, ...rest] = decodeChildren(decodeNode(der, tag.sequence))
  if (!version || version.tag !== tag.integer || version.content[0] !== 1)
    throw new TypeError('bad SEC1 version')
  const params = rest.find((node) => node.tag === 0xa0)
  if (params && !sameBytes(childOfTag(decodeChildren(params.content)[0], tag.oid), sm2CurveOid))
    throw new TypeError('not an SM2 key (the curve is not sm2)')
  return bytesToBigint(childOfTag(secret, tag.octetString))
}

/** PKCS#8 PrivateKeyInfo: SEQUENCE { 0, AlgorithmIdentifier, OCTET STRING { ECPrivateKey } }. */
function scalarFromPkcs8(der: Uint8Array): bigint {
  const [, algorithm, privateKey] = decodeChildren(decodeNode(der, tag.sequence))
  assertSm2Algorithm(childOfTag(algorithm, tag.sequence))
  return scalarFromSec1(childOfTag(privateKey, tag.octetString))
}

function scalarOf(key: Sm2PrivateKeyInput): bigint {
  if (key instanceof Uint8Array) {
    if (key.length !== 32) throw new TypeError(`expected 32 bytes, got ${key.length}`)
    return bytesToBigint(key)
  }
  const pem = readPem(key)
  if (pem?.label === 'PRIVATE KEY') return scalarFromPkcs8(pem.der)
  if (pem?.label === 'EC PRIVATE KEY') return scalarFromSec1(pem.der)
  if (pem) throw new TypeError(`a PEM labelled "${pem.label}" is not a private key`)
  const hex = key.trim()
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new TypeError('expected 64 hex digits or a PEM')
  return BigInt(`0x${hex}`)
}

/**
 * The private scalar d, checked to be in [1, n-2] (SM2 signing needs 1 + d to be invertible).
 * Throws `invalid_request` for anything unusable.
 */
export function parsePrivateKey(key: Sm2PrivateKeyInput): bigint {
  let d: bigint
  try {
    d = scalarOf(key)
  } catch (error) {
    throw invalidInput('SM2 private key', privateKeyHint, error)
  }
  if (d < 1n || d > sm2Curve.n - 2n) throw invalidInput('SM2 private key (out of range)', privateKeyHint)
  return d
}

function pointBytesOf(key: Sm2PublicKeyInput): Uint8Array {
  let der: Uint8Array
  if (key instanceof Uint8Array) {
    if (key[0] === 0x04 && key.length === 65) return key
    der = key
  } else {
    const text = key.trim()
    if (/^04[0-9a-fA-F]{128}$/.test(text)) return hexToBytes(text)
    const pem = readPem(text)
    if (pem && pem.label !== 'PUBLIC KEY')
      throw new TypeError(`a PEM labelled "${pem.label}" is not a public key`)
    der = pem ? pem.der : base64ToBytes(text)
  }
  const [algorithm, subjectPublicKey] = decodeChildren(decodeNode(der, tag.sequence))
  assertSm2Algorithm(childOfTag(algorithm, tag.sequence))
  const bits = childOfTag(subjectPublicKey, tag.bitString)
  if (bits[0] !== 0) throw new TypeError('bad BIT STRING')
  return bits.subarray(1)
}

/** The public point, checked to be on the curve. Throws `invalid_request` for anything unusable. */
export function parsePublicKey(key: Sm2PublicKeyInput): Sm2Point {
  try {
    return Sm2Point.fromBytes(pointBytesOf(key))
  } catch (error) {
    throw invalidInput('SM2 public key', publicKeyHint, error)
  }
}

/**
 * The public key for a private key, in the form CMB publishes (base64 SPKI).
 *
 * @example
 * sm2PublicKeyFromPrivateKey('D5F2AFA24E6BA9071B54A8C9AD735F9A1DE9C4657FA386C09B592694BC118B38')
 * // 'MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAE1xPq3B3Cw2U+…'
 */
export function sm2PublicKeyFromPrivateKey(privateKey: Sm2PrivateKeyInput): string {
  return bytesToBase64(spkiOf(Sm2Point.BASE.multiply(parsePrivateKey(privateKey))))
}

/** SubjectPublicKeyInfo DER for a point. */
export function spkiOf(point: Sm2Point): Uint8Array {
  const algorithm = encodeSequence(encodeNode(tag.oid, ecPublicKeyOid), encodeNode(tag.oid, sm2CurveOid))
  const bits = new Uint8Array(66)
  bits.set(point.toBytes(false), 1)
  return encodeSequence(algorithm, encodeNode(tag.bitString, bits))
}

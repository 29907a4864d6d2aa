import { generateKeyPairSync, verify } from 'node:crypto'
import { exportJWK } from 'jose'
import { describe, expect, it } from 'vitest'
import { createKeySigner } from './createKeySigner.js'

const input = new TextEncoder().encode('header.payload')

describe('createKeySigner', () => {
  it('signs with a P-256 PKCS#8 PEM as ES256 (raw r||s, verifiable by node:crypto)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
    const signer = await createKeySigner({ privateKey: pem, kid: 'k1' })
    expect(signer.alg).toBe('ES256')
    expect(signer.kid).toBe('k1')
    const signature = await signer.sign(input)
    expect(signature).toHaveLength(64)
    expect(verify('sha256', input, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature)).toBe(true)
  })

  it('signs with an Ed25519 JWK as EdDSA and derives a thumbprint kid', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519')
    const jwk = await exportJWK(privateKey)
    const signer = await createKeySigner({ privateKey: jwk })
    expect(signer.alg).toBe('EdDSA')
    expect(signer.kid).toMatch(/^[\w-]{43}$/)
    expect(verify(null, input, publicKey, await signer.sign(input))).toBe(true)
  })

  it.each([
    [
      'a public JWK',
      async () => exportJWK(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey),
      'no private part',
    ],
    ['a public KeyObject', async () => generateKeyPairSync('ed25519').publicKey, 'not a private key'],
    [
      'an RSA key',
      async () => exportJWK(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey),
      'unsupported',
    ],
    [
      'a P-384 key',
      async () => exportJWK(generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey),
      'unsupported',
    ],
    ['a non-PEM string', async () => 'not a key', 'PKCS#8 PEM'],
  ])('rejects %s with invalid_request and no key material in the message', async (_, make, text) => {
    const key = await make()
    const error = await createKeySigner({ privateKey: key as never }).catch((e) => e)
    expect(error.code).toBe('invalid_request')
    expect(error.message).toContain(text)
    const d = (key as { d?: string }).d
    if (d) expect(error.message).not.toContain(d)
  })

  it('rejects an alg that does not match the key', async () => {
    const jwk = await exportJWK(generateKeyPairSync('ed25519').privateKey)
    const error = await createKeySigner({ privateKey: jwk, alg: 'ES256' }).catch((e) => e)
    expect(error.code).toBe('invalid_request')
    expect(error.message).toContain('does not match')
  })
})

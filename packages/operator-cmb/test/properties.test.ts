import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  createSm2Signer,
  createSm2Verifier,
  sm2Decrypt,
  sm2Encrypt,
  sm2PublicKeyFromPrivateKey,
  sm2Sign,
  sm2Verify,
  sm4DecryptCbc,
  sm4EncryptCbc,
} from '../src/index.js'

// SM2 operations take about a millisecond each: few runs, but fresh keys and messages every run.
const n = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n
const privateKeyHex = fc.bigInt({ min: 1n, max: n - 2n }).map((d) => d.toString(16).padStart(64, '0'))
const message = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.uint8Array({ maxLength: 300 }))
const userId = fc.oneof(fc.constant(undefined), fc.string({ minLength: 1, maxLength: 40 }))

describe('round trips', () => {
  it('sm2Sign → sm2Verify and the precomputed verifier accept; a changed message is rejected', () => {
    fc.assert(
      fc.property(privateKeyHex, message, userId, (key, text, id) => {
        const publicKey = sm2PublicKeyFromPrivateKey(key)
        const signature = sm2Sign(text, key, { userId: id })
        expect(sm2Verify(text, signature, publicKey, { userId: id })).toBe(true)
        expect(createSm2Verifier(publicKey, { userId: id, windowSize: 4 })(text, signature)).toBe(true)
        const changed = typeof text === 'string' ? `${text}.` : new Uint8Array([...text, 0])
        expect(sm2Verify(changed, signature, publicKey, { userId: id })).toBe(false)
      }),
      { numRuns: 15 },
    )
  })

  it('createSm2Signer: raw r ‖ s that verifies as DER over the same input', async () => {
    await fc.assert(
      fc.asyncProperty(privateKeyHex, fc.uint8Array({ maxLength: 200 }), async (key, input) => {
        const signer = createSm2Signer({ privateKey: key, kid: 'k1' })
        const raw = await signer.sign(input)
        expect(raw).toHaveLength(64)
        const int = (bytes: Uint8Array) => {
          let hex =
            Buffer.from(bytes)
              .toString('hex')
              .replace(/^(00)+/, '') || '00'
          if (Number.parseInt(hex[0]!, 16) >= 8) hex = `00${hex}`
          return `02${(hex.length / 2).toString(16).padStart(2, '0')}${hex}`
        }
        const body = int(raw.subarray(0, 32)) + int(raw.subarray(32))
        const der = Buffer.from(`30${(body.length / 2).toString(16).padStart(2, '0')}${body}`, 'hex')
        expect(sm2Verify(input, der.toString('base64'), sm2PublicKeyFromPrivateKey(key))).toBe(true)
      }),
      { numRuns: 10 },
    )
  })

  it('sm4EncryptCbc → sm4DecryptCbc gives the text back, for any 16-byte key', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 500 }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        (text, key) => {
          const ciphertext = sm4EncryptCbc(text, key)
          expect(Buffer.from(ciphertext, 'base64').length % 16).toBe(0)
          expect(sm4DecryptCbc(ciphertext, key)).toBe(text)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('sm2Encrypt → sm2Decrypt gives the bytes back; two encryptions differ', () => {
    fc.assert(
      fc.property(privateKeyHex, fc.uint8Array({ minLength: 1, maxLength: 200 }), (key, plaintext) => {
        const publicKey = sm2PublicKeyFromPrivateKey(key)
        const first = sm2Encrypt(plaintext, publicKey)
        expect(sm2Decrypt(first, key)).toEqual(plaintext)
        expect(sm2Encrypt(plaintext, publicKey)).not.toBe(first)
      }),
      { numRuns: 15 },
    )
  })
})

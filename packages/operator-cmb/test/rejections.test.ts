import { describe, expect, it } from 'vitest'
import { createSm2Verifier, sm2Decrypt, sm2Encrypt, sm2Sign, sm2Verify, sm4DecryptCbc } from '../src/index.js'
import { cmbTestPublicKey, merchantPrivateKeyHex, merchantPublicKey } from './cmbVectors.js'
import { openssl } from './openssl.js'

const message = 'biz_content={"orderId":"1","txnAmt":"100"}&encoding=UTF-8&signMethod=02&version=0.0.1'
const signature = sm2Sign(message, merchantPrivateKeyHex)
const der = new Uint8Array(Buffer.from(signature, 'base64'))
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

describe('signatures that must not verify', () => {
  it('a different user ID on either side', () => {
    expect(sm2Verify(message, signature, merchantPublicKey, { userId: '1234567812345679' })).toBe(false)
    const other = sm2Sign(message, merchantPrivateKeyHex, { userId: 'merchant@example' })
    expect(sm2Verify(message, other, merchantPublicKey)).toBe(false)
    expect(sm2Verify(message, other, merchantPublicKey, { userId: 'merchant@example' })).toBe(true)
  })

  it('a tampered field, a re-serialised body (unescaped slashes), a trailing byte', () => {
    expect(sm2Verify(message.replace('"100"', '"101"'), signature, merchantPublicKey)).toBe(false)
    const escaped = 'notifyUrl=https:\\/\\/shop.example\\/n&version=0.0.1'
    const escapedSignature = sm2Sign(escaped, merchantPrivateKeyHex)
    expect(sm2Verify(escaped, escapedSignature, merchantPublicKey)).toBe(true)
    expect(sm2Verify(escaped.replaceAll('\\/', '/'), escapedSignature, merchantPublicKey)).toBe(false)
    expect(sm2Verify(`${message}\n`, signature, merchantPublicKey)).toBe(false)
  })

  it('the wrong public key, with sm2Verify and with a precomputed verifier', () => {
    expect(sm2Verify(message, signature, cmbTestPublicKey)).toBe(false)
    expect(createSm2Verifier(cmbTestPublicKey)(message, signature)).toBe(false)
    expect(createSm2Verifier(merchantPublicKey)(message, signature)).toBe(true)
  })

  it('malformed signatures are false, never an exception', () => {
    const n = 'FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123'
    const rs = (r: string, s: string) => {
      const int = (hex: string) => `02${(hex.length / 2).toString(16).padStart(2, '0')}${hex}`
      const body = int(r) + int(s)
      return Buffer.from(`30${(body.length / 2).toString(16).padStart(2, '0')}${body}`, 'hex').toString(
        'base64',
      )
    }
    const malformed = [
      '',
      'not base64!',
      base64(der.subarray(0, der.length - 1)),
      base64(new Uint8Array([...der, 0])),
      rs('00', '01'),
      rs('01', `00${n}`),
      rs('0001', '01'),
      rs('81', '01'),
      base64(new Uint8Array(64)),
      signature.replace(/^M/, 'N'),
    ]
    for (const bad of malformed) expect(sm2Verify(message, bad, merchantPublicKey), bad).toBe(false)
    expect(sm2Verify(message, new Uint8Array(0), merchantPublicKey)).toBe(false)
  })
})

describe('unusable keys and inputs throw invalid_request', () => {
  const tool = openssl()
  const p256 = tool.generateP256Key()
  tool.cleanup()
  const invalid = expect.objectContaining({ code: 'invalid_request' })

  it('private keys: another curve, wrong length, zero, n-1, a public PEM', () => {
    for (const key of [p256.privatePem, 'D5F2AF', '00'.repeat(32), `${'0'.repeat(63)}g`, p256.publicPem])
      expect(() => sm2Sign(message, key), key.slice(0, 20)).toThrow(invalid)
    expect(() =>
      sm2Sign(message, 'FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54122'),
    ).toThrow(invalid)
    expect(() => sm2Sign(message, new Uint8Array(31))).toThrow(invalid)
  })

  it('public keys: another curve, a point off the curve, garbage', () => {
    const offCurve = `04${'11'.repeat(64)}`
    for (const key of [p256.publicPem, offCurve, 'MFkw', merchantPrivateKeyHex])
      expect(() => sm2Verify(message, signature, key), key.slice(0, 20)).toThrow(invalid)
    expect(() => createSm2Verifier(offCurve)).toThrow(invalid)
    expect(() => sm2Encrypt('x', offCurve)).toThrow(invalid)
  })

  it('ciphertexts: tampered C2, wrong key, an empty plaintext, an SM4 key of the wrong size or a wrong SM4 key', () => {
    const ciphertext = new Uint8Array(
      Buffer.from(sm2Encrypt('secret key 16 b.', merchantPublicKey), 'base64'),
    )
    const tampered = ciphertext.slice()
    tampered[tampered.length - 1]! ^= 1
    expect(() => sm2Decrypt(tampered, merchantPrivateKeyHex)).toThrow(invalid)
    expect(() => sm2Decrypt(ciphertext, '01'.repeat(32))).toThrow(invalid)
    expect(() => sm2Decrypt('MAA=', merchantPrivateKeyHex)).toThrow(invalid)
    expect(() => sm2Encrypt('', merchantPublicKey)).toThrow(invalid)
    expect(() => sm4DecryptCbc('ZeUBCWhERVgl7iyPZaIfGA==', '123456789012345')).toThrow(invalid)
    expect(() => sm4DecryptCbc('ZeUBCWhERVgl7iyPZaIfGA==', '6543210987654321')).toThrow(invalid)
  })
})

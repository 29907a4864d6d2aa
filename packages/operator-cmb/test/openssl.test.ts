import { afterAll, describe, expect, it } from 'vitest'
import { createSm2Verifier, sm2Decrypt, sm2Encrypt, sm2Sign, sm2Verify } from '../src/index.js'
import { merchantPrivateKeyHex, merchantPublicKey, publicPem } from './cmbVectors.js'
import { openssl } from './openssl.js'

const tool = openssl()
afterAll(() => tool.cleanup())
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'))
const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
const signString =
  'biz_content={"orderId":"20261202000001","notifyUrl":"https:\\/\\/shop.example\\/cmb","txnAmt":"1250","body":"拿铁"}&encoding=UTF-8&signMethod=02&version=0.0.1'

describe('interop with the OpenSSL command line (SM3withSM2, distid 1234567812345678)', () => {
  const generated = tool.generateSm2Key()

  it('openssl verifies what the SDK signs with the CMB-format hex key', () => {
    const signature = sm2Sign(signString, merchantPrivateKeyHex)
    expect(tool.verify(publicPem(merchantPublicKey), signString, fromBase64(signature))).toBe(true)
    expect(tool.verify(publicPem(merchantPublicKey), `${signString} `, fromBase64(signature))).toBe(false)
  })

  it('openssl verifies what the SDK signs with an openssl PKCS#8 PEM key, bytes messages too', () => {
    const message = new Uint8Array([0, 1, 2, 250, 251, 252])
    expect(
      tool.verify(generated.publicPem, message, fromBase64(sm2Sign(message, generated.privatePem))),
    ).toBe(true)
  })

  it('the SDK verifies what openssl signs, with sm2Verify and with a precomputed verifier', () => {
    const signature = tool.sign(generated.privatePem, signString)
    expect(sm2Verify(signString, toBase64(signature), generated.publicPem)).toBe(true)
    expect(sm2Verify(signString, signature, generated.publicPem)).toBe(true)
    expect(createSm2Verifier(generated.publicPem)(signString, toBase64(signature))).toBe(true)
  })

  it('a signature made by openssl under another distid does not verify under the default user ID', () => {
    const signature = toBase64(tool.sign(generated.privatePem, signString, 'ALICE123@YAHOO.COM'))
    expect(sm2Verify(signString, signature, generated.publicPem)).toBe(false)
    expect(sm2Verify(signString, signature, generated.publicPem, { userId: 'ALICE123@YAHOO.COM' })).toBe(true)
  })

  it('openssl pkeyutl decrypts what sm2Encrypt writes (the DER x, y, C3, C2 layout)', () => {
    const sm4Key = crypto.getRandomValues(new Uint8Array(16))
    const ciphertext = sm2Encrypt(sm4Key, generated.publicPem)
    expect(tool.decrypt(generated.privatePem, fromBase64(ciphertext))).toEqual(sm4Key)
  })

  it('sm2Decrypt reads what openssl pkeyutl encrypts, with the PEM and with the hex form of a key', () => {
    const plaintext = new TextEncoder().encode(
      '1234567890123456 and a longer tail past one SM3 block of KDF output',
    )
    const ciphertext = tool.encrypt(generated.publicPem, plaintext)
    expect(sm2Decrypt(toBase64(ciphertext), generated.privatePem)).toEqual(plaintext)
    const cmbCiphertext = tool.encrypt(publicPem(merchantPublicKey), plaintext)
    expect(sm2Decrypt(cmbCiphertext, merchantPrivateKeyHex)).toEqual(plaintext)
  })
})

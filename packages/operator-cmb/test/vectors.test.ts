import { describe, expect, it } from 'vitest'
import {
  cmbApiSign,
  sm2Decrypt,
  sm2PublicKeyFromPrivateKey,
  sm3,
  sm4DecryptCbc,
  sm4EncryptCbc,
} from '../src/index.js'
import { merchantPrivateKeyHex, merchantPublicKey } from './cmbVectors.js'

const terminalInfo = '{"location":"+37.12/-121.213","mobile_country_cd":"460","lbs_signal1":"34D6A"}'
const terminalInfoCiphertext =
  'ZeUBCWhERVgl7iyPZaIfGAqvo160MVexVqY1DoQDIb+j9A98Doqt4/lDVYaqmsEiYKuPJf8s1CNIzHvxQgNPn+nYJZ3CFHuP6dORZvtrAHY='

describe('CMB v3.3.5 published vectors', () => {
  it('§2.4.4: SM4-CBC of the terminalInfo sample under key 1234567890123456', () => {
    expect(sm4EncryptCbc(terminalInfo, '1234567890123456')).toBe(terminalInfoCiphertext)
    expect(sm4DecryptCbc(terminalInfoCiphertext, '1234567890123456')).toBe(terminalInfo)
  })

  it('§2.4.3: the apisign sample', () => {
    expect(
      cmbApiSign({
        appId: 'e315a8b5-45f6-4f96-b20a-0b586a2a96c6',
        secret: '6adca97f-c411-43cd-93ed-7f1aee829832',
        sign: 'ceo20AoYZegzjt4cn+kSGqFBDWIL/ykLTan5mQW8teofYaGdiMJeg5Xkp9ZZp3PlJkSf1+MLv2xbamDsiLmPP9vFLbnyttgYYtrHaCbcExZgRwbSgu9XQ6wIVrlUOyYCWT33QfiXyxyZv5o9B0VNgUN6CEmFJfGlFJVQky7Oui2JMmPg3xtGDVh/Vr6EfT6ZGA5vJnrSIWeDMu/8AUG4XJ24Bj/Txdys34dV4WCk8zh8O1NcHEYbbcneJ9A/BTvswsUbJtX45oIPn9vn1Gfhp81SxinU8SfrOi3jY9auYYOnokRbA6ihR2kCjwpiVRSK9xeF8iQIEjDlY+poy3m6bg==',
        timestamp: 1528882455,
      }),
    ).toBe('5353272fd8a5b9a7d997ff9719246f49')
  })

  it('appendix 1: the merchant test private key derives the published public key', () => {
    expect(sm2PublicKeyFromPrivateKey(merchantPrivateKeyHex)).toBe(merchantPublicKey)
    expect(sm2PublicKeyFromPrivateKey(merchantPrivateKeyHex.toLowerCase())).toBe(merchantPublicKey)
  })

  it("§2.4.4: CMB's sample encryptKey is in the DER layout sm2Decrypt reads (it is for CMB's key, so its SM3 check fails)", () => {
    const envelope =
      'MHkCIQC5yvHxfNAaqE0kQg88RlmAYwjTS86d2ED/E88FAYciigIgE85jFoZLTDbOY2bntruWoE3bqBUCqggqy3+gfJHUu9UEIFhQ2sJlCc1pASdqGuiCr2Qsmnr0UJK5GNApr47Ksaz4BBCn6KvL9nuFkflP3r5z0q6B'
    expect(() => sm2Decrypt(envelope, merchantPrivateKeyHex)).toThrow(/SM3 check failed/)
  })
})

describe('SM3 (GM/T 0004 appendix A)', () => {
  it('hashes "abc" and the 64-byte "abcd…" sample', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0')
    expect(sm3('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732')
    expect(sm3(new TextEncoder().encode('abc'))).toBe(sm3('abc'))
  })
})

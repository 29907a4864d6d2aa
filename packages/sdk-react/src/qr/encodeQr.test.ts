// @vitest-environment node

import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { encodeQr, type QrErrorCorrection } from './encodeQr.js'

// Cross-check against the `qrcode` package (a dependency of @ecny/sdk-merchant, used here as a
// reference only): with the same mask and byte mode, both encoders must produce the same modules.
const requireFromMerchant = createRequire(new URL('../../../sdk-merchant/package.json', import.meta.url))
type Reference = {
  create(
    segments: Array<{ data: string; mode: 'byte' }>,
    options: { errorCorrectionLevel: QrErrorCorrection; maskPattern: number },
  ): { version: number; maskPattern: number; modules: { size: number; data: Uint8Array } }
}
const reference = requireFromMerchant('qrcode') as Reference

const payloads = [
  'ecny://pay?o=ord_1',
  'ecny://pay?o=ord_7f3a9c2e41b5d6089a',
  '数字人民币 e-CNY 付款 ¥12.34',
  'x'.repeat(120),
  'https://gateway.ecny-sdk.dev/pay?o=ord_123&m=mch_456&sig='.padEnd(300, 'abcdef0123'),
  'y'.repeat(1200),
]

describe('encodeQr', () => {
  for (const level of ['L', 'M', 'Q', 'H'] as const) {
    it(`matches the reference encoder module for module at level ${level}`, () => {
      payloads.forEach((payload, index) => {
        const mask = index % 8
        const ours = encodeQr(payload, { errorCorrection: level, mask })
        const theirs = reference.create([{ data: payload, mode: 'byte' }], {
          errorCorrectionLevel: level,
          maskPattern: mask,
        })
        expect(ours.version).toBe(theirs.version)
        expect(ours.size).toBe(theirs.modules.size)
        expect(ours.modules.map(Number)).toEqual(Array.from(theirs.modules.data))
      })
    })
  }

  it('picks the smallest version and a mask by penalty', () => {
    const qr = encodeQr('ecny://pay?o=ord_1')
    expect(qr).toMatchObject({ version: 2, size: 25 })
    expect(qr.mask).toBeGreaterThanOrEqual(0)
    expect(qr.mask).toBeLessThan(8)
    for (let mask = 0; mask < 8; mask++) {
      const theirs = reference.create([{ data: 'ecny://pay?o=ord_1', mode: 'byte' }], {
        errorCorrectionLevel: 'M',
        maskPattern: mask,
      })
      expect(encodeQr('ecny://pay?o=ord_1', { mask }).modules.map(Number)).toEqual(
        Array.from(theirs.modules.data),
      )
    }
  })

  it('refuses text that no QR version holds', () => {
    expect(() => encodeQr('z'.repeat(3000))).toThrow(RangeError)
  })
})

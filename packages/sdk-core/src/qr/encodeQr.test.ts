// @vitest-environment node

import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { encodeQr, type QrErrorCorrection } from './encodeQr.js'

// Cross-check against the `qrcode` package (a root devDependency, used here as a reference only):
// with the same mask and byte mode, both encoders must produce the same modules, and left to choose,
// both must choose the same mask (the same penalty rules).
const requireFromRoot = createRequire(new URL('../../../../package.json', import.meta.url))
type Reference = {
  create(
    segments: Array<{ data: string; mode: 'byte' }>,
    options: { errorCorrectionLevel: QrErrorCorrection; maskPattern?: number },
  ): { version: number; maskPattern: number; modules: { size: number; data: Uint8Array } }
}
const reference = requireFromRoot('qrcode') as Reference
type Grid = { size: number; data: Uint8Array; get(row: number, col: number): number }
const referencePenalty = requireFromRoot('qrcode/lib/core/mask-pattern') as Record<
  'getPenaltyN1' | 'getPenaltyN2' | 'getPenaltyN3' | 'getPenaltyN4',
  (grid: Grid) => number
>

/** ISO 18004 N4: 10 points per full 5 % step the dark share is away from 50 %. */
const isoN4 = (grid: Grid) => {
  const dark = grid.data.reduce((sum, module) => sum + module, 0)
  const total = grid.data.length
  return Math.max(0, Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1) * 10
}

/**
 * The mask the reference encoder's own N1–N3 rules choose, with N4 as the standard words it: the
 * `qrcode` package rounds a dark share in (50 %, 55 %] up to 10 points (|ceil(p / 5) − 10|), which
 * the standard rates 0 — the one rule where it is not a reference.
 */
function referenceMask(payload: string, level: QrErrorCorrection): number {
  let best = { mask: -1, score: Number.POSITIVE_INFINITY }
  for (let mask = 0; mask < 8; mask++) {
    const { modules } = reference.create([{ data: payload, mode: 'byte' }], {
      errorCorrectionLevel: level,
      maskPattern: mask,
    })
    const grid: Grid = { ...modules, get: (row, col) => modules.data[row * modules.size + col]! }
    const score =
      referencePenalty.getPenaltyN1(grid) +
      referencePenalty.getPenaltyN2(grid) +
      referencePenalty.getPenaltyN3(grid) +
      isoN4(grid)
    if (score < best.score) best = { mask, score }
  }
  return best.mask
}

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

  it('chooses the same mask as the reference encoder (same penalty rules, N3 scored per light side)', () => {
    const random = seeded(20_251_202)
    const alphabet =
      'ecny://pay?o=ord_&m=mch_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-._~付款数字人民币'
    const disagreements: string[] = []
    for (let i = 0; i < 400; i++) {
      const length = 1 + Math.floor(random() * (i < 300 ? 80 : 400))
      const payload = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
      const level = (['L', 'M', 'Q', 'H'] as const)[i % 4]!
      const ours = encodeQr(payload, { errorCorrection: level }).mask
      const theirs = referenceMask(payload, level)
      if (ours !== theirs) disagreements.push(`${level} ${JSON.stringify(payload)}: ${ours} vs ${theirs}`)
    }
    expect(disagreements).toEqual([])
  })

  it('refuses text that no QR version holds', () => {
    expect(() => encodeQr('z'.repeat(3000))).toThrow(RangeError)
  })
})

/** A small seeded generator (mulberry32), so a failing payload can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

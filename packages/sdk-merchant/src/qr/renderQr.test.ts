import { inflateSync } from 'node:zlib'
import { encodeQr } from '@ecny/sdk-core/internal'
import { describe, expect, it } from 'vitest'
import { renderQrPng, renderQrSvg } from './renderQr.js'

const payload = 'ecny://pay?o=ord_7f3a9c2e41b5d6089a'

/** The PNG's pixels as RGBA rows (filter 0 only, as `encodePng` writes). */
function decodePng(png: Uint8Array) {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const width = view.getUint32(16)
  const height = view.getUint32(20)
  const idat: Uint8Array[] = []
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at)
    const type = new TextDecoder().decode(png.subarray(at + 4, at + 8))
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length))
    at += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  const rgba = (x: number, y: number) => [...raw.subarray(y * (1 + width * 4) + 1 + x * 4).subarray(0, 4)]
  return { width, height, rgba }
}

describe('renderQr on the shared encoder', () => {
  it('PNG: every module of encodeQr, at 4 px per module with a 4-module quiet zone', async () => {
    const qr = encodeQr(payload, { errorCorrection: 'M' })
    const png = decodePng(await renderQrPng(payload))
    expect(png.width).toBe((qr.size + 8) * 4)
    for (let y = 0; y < qr.size; y++) {
      for (let x = 0; x < qr.size; x++) {
        const colour = png.rgba((x + 4) * 4 + 2, (y + 4) * 4 + 2)
        expect(colour).toEqual(qr.modules[y * qr.size + x] ? [0, 0, 0, 255] : [255, 255, 255, 255])
      }
    }
    expect(png.rgba(1, 1)).toEqual([255, 255, 255, 255])
  })

  it('PNG: width and colours as asked', async () => {
    const png = decodePng(
      await renderQrPng(payload, { width: 100, margin: 0, color: { dark: '#102030', light: '#ffffff00' } }),
    )
    expect([png.width, png.height]).toEqual([100, 100])
    expect(png.rgba(0, 0)).toEqual([0x10, 0x20, 0x30, 255]) // the finder's corner is dark
  })

  it('SVG: one run per horizontal stretch of dark modules', async () => {
    const qr = encodeQr(payload, { errorCorrection: 'H' })
    const svg = await renderQrSvg(payload, { errorCorrectionLevel: 'H', width: 256 })
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 (\d+) \1" width="256"/)
    let dark = 0
    const strokes = svg.split(' stroke=')[1]!
    for (const [, length] of strokes.matchAll(/M\d+ [\d.]+h(\d+)/g)) dark += Number(length)
    expect(dark).toBe(qr.modules.filter(Boolean).length)
  })

  it('refuses bad payloads, colours and sizes', async () => {
    await expect(renderQrSvg('')).rejects.toMatchObject({ code: 'invalid_request' })
    await expect(renderQrSvg(payload, { color: { dark: 'red' } })).rejects.toMatchObject({
      code: 'invalid_request',
    })
    await expect(renderQrPng(payload, { width: 0 })).rejects.toMatchObject({ code: 'invalid_request' })
  })
})

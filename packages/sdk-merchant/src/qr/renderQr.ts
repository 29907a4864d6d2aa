/**
 * QR rendering on the SDK's own encoder (`encodeQr` from `@ecny/sdk-core`, shared with the React
 * checkout component): SVG anywhere, PNG in Node. No third-party QR package.
 */
import { InvalidRequestError } from '@ecny/sdk-core'
import { encodeQr, type QrMatrix } from '@ecny/sdk-core/internal'
import { encodePng, type Rgba } from './encodePng.js'

export type RenderQrOptions = {
  /** Error correction: `L` 7 %, `M` 15 % (default), `Q` 25 %, `H` 30 %. */
  errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'
  /** Quiet zone in modules. Default 4 (the QR standard's minimum). */
  margin?: number
  /** Pixel width (PNG) or the SVG's width attribute. */
  width?: number
  /** Colours as `#rrggbb` or `#rrggbbaa`. */
  color?: { dark?: string; light?: string }
}

function invalid(message: string, path: string): InvalidRequestError {
  return new InvalidRequestError('invalid_request', `Invalid QR ${path}: ${message}.`, {
    hint: 'Pass order.qrPayload or qrCode.payload as the gateway returned it, and colours as #rrggbb or #rrggbbaa.',
    details: { issues: [{ path, message }] },
  })
}

function checkPayload(payload: unknown): asserts payload is string {
  if (typeof payload !== 'string' || payload.length === 0 || payload.length > 1024) {
    throw invalid('expected 1–1024 characters of text', 'payload')
  }
}

function parseColour(value: string | undefined, fallback: Rgba, path: string): Rgba {
  if (value === undefined) return fallback
  const match = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(value)
  if (!match) throw invalid(`expected #rrggbb or #rrggbbaa, got ${JSON.stringify(value)}`, path)
  const hex = match[1]! + (match[2] ?? 'ff')
  return [0, 2, 4, 6].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgba
}

type Prepared = { qr: QrMatrix; margin: number; side: number; dark: Rgba; light: Rgba }

function prepare(payload: string, options: RenderQrOptions): Prepared {
  checkPayload(payload)
  const margin = options.margin ?? 4
  if (!Number.isInteger(margin) || margin < 0 || margin > 64)
    throw invalid('expected an integer 0–64', 'margin')
  const width = options.width
  if (width !== undefined && !(Number.isInteger(width) && width > 0 && width <= 8192))
    throw invalid('expected an integer 1–8192', 'width')
  const qr = encodeQr(payload, { errorCorrection: options.errorCorrectionLevel ?? 'M' })
  return {
    qr,
    margin,
    side: qr.size + 2 * margin,
    dark: parseColour(options.color?.dark, [0, 0, 0, 255], 'color.dark'),
    light: parseColour(options.color?.light, [255, 255, 255, 255], 'color.light'),
  }
}

const svgColour = ([r, g, b, a]: Rgba, attribute: 'fill' | 'stroke') =>
  `${attribute}="#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}"${a < 255 ? ` ${attribute}-opacity="${(a / 255).toFixed(3)}"` : ''}`

/**
 * Renders a QR payload (e.g. `order.qrPayload`) as an SVG document string: crisp at any size, for web
 * pages and print. Works in browsers and Node.
 *
 * @example
 * const svg = await renderQrSvg(order.qrPayload!, { width: 256 })
 * res.type('image/svg+xml').send(svg)
 */
export async function renderQrSvg(payload: string, options: RenderQrOptions = {}): Promise<string> {
  const { qr, margin, side, dark, light } = prepare(payload, options)
  let path = ''
  for (let y = 0; y < qr.size; y++) {
    for (let x = 0; x < qr.size; x++) {
      if (!qr.modules[y * qr.size + x]) continue
      let run = 1
      while (x + run < qr.size && qr.modules[y * qr.size + x + run]) run++
      path += `M${x + margin} ${y + margin + 0.5}h${run}`
      x += run - 1
    }
  }
  const size = options.width === undefined ? '' : ` width="${options.width}" height="${options.width}"`
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}"${size} shape-rendering="crispEdges">` +
    `<path ${svgColour(light, 'fill')} d="M0 0h${side}v${side}H0z"/>` +
    `<path ${svgColour(dark, 'stroke')} d="${path}"/></svg>\n`
  )
}

/**
 * Renders a QR payload as PNG bytes (Node only), e.g. for a till display or a receipt printer:
 * `width` pixels square (default 4 pixels per module, quiet zone included).
 *
 * @example
 * await writeFile('pay.png', await renderQrPng(order.qrPayload!, { width: 320 }))
 */
export async function renderQrPng(payload: string, options: RenderQrOptions = {}): Promise<Uint8Array> {
  const { qr, margin, side, dark, light } = prepare(payload, options)
  const pixels = options.width ?? side * 4
  const moduleAt = (p: number) => Math.floor((p * side) / pixels) - margin
  return encodePng(pixels, pixels, (px, py) => {
    const x = moduleAt(px)
    const y = moduleAt(py)
    const inside = x >= 0 && y >= 0 && x < qr.size && y < qr.size
    return inside && qr.modules[y * qr.size + x] ? dark : light
  })
}

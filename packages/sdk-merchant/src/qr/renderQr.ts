/**
 * QR rendering with the `qrcode` package, loaded only when called, so code that never renders a QR
 * does not bundle it.
 */
import { InvalidRequestError } from '@ecny/sdk-core'

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

type QrCodeModule = {
  toString(text: string, options: Record<string, unknown>): Promise<string>
  toBuffer(text: string, options: Record<string, unknown>): Promise<Uint8Array>
}

async function loadQrCode(): Promise<QrCodeModule> {
  const loaded = (await import('qrcode')) as unknown as QrCodeModule & { default?: QrCodeModule }
  return loaded.default ?? loaded
}

function checkPayload(payload: unknown): asserts payload is string {
  if (typeof payload !== 'string' || payload.length === 0 || payload.length > 1024) {
    throw new InvalidRequestError(
      'invalid_request',
      'Invalid QR payload: expected 1–1024 characters of text.',
      {
        hint: 'Pass order.qrPayload or qrCode.payload as the gateway returned it.',
        details: { issues: [{ path: 'payload', message: 'expected 1–1024 characters of text' }] },
      },
    )
  }
}

const qrOptions = (options: RenderQrOptions) => ({
  errorCorrectionLevel: options.errorCorrectionLevel ?? 'M',
  margin: options.margin ?? 4,
  ...(options.width !== undefined && { width: options.width }),
  ...(options.color && { color: options.color }),
})

/**
 * Renders a QR payload (e.g. `order.qrPayload`) as an SVG document string: crisp at any size, for web
 * pages and print. Works in browsers and Node.
 *
 * @example
 * const svg = await renderQrSvg(order.qrPayload!, { width: 256 })
 * res.type('image/svg+xml').send(svg)
 */
export async function renderQrSvg(payload: string, options: RenderQrOptions = {}): Promise<string> {
  checkPayload(payload)
  const qrcode = await loadQrCode()
  return qrcode.toString(payload, { ...qrOptions(options), type: 'svg' })
}

/**
 * Renders a QR payload as PNG bytes (Node only), e.g. for a till display or a receipt printer.
 *
 * @example
 * await writeFile('pay.png', await renderQrPng(order.qrPayload!, { width: 320 }))
 */
export async function renderQrPng(payload: string, options: RenderQrOptions = {}): Promise<Uint8Array> {
  checkPayload(payload)
  const qrcode = await loadQrCode()
  const buffer = await qrcode.toBuffer(payload, { ...qrOptions(options), type: 'png' })
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

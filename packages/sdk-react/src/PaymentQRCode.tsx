'use client'
import { detectLocale, type Locale } from '@ecny/sdk-core'
import { type CSSProperties, type ReactNode, useContext, useMemo } from 'react'
import { EcnyContext } from './EcnyProvider.js'
import { paymentQrText } from './i18n/qrCodeText.js'
import { encodeQr, type QrErrorCorrection } from './qr/encodeQr.js'

export type PaymentQRCodeProps = {
  /** The order's `qrPayload`, as the gateway returned it. */
  payload: string
  /** The order's amount in fen: named in the accessible label (and the default caption). */
  amount?: number | undefined
  /** Width and height in CSS pixels. Default 240. */
  size?: number
  /**
   * Accessible name. Default "e-CNY payment QR code for ¥12.34" / "数字人民币付款二维码，金额 12.34 元"
   * (or without the amount).
   */
  label?: string
  /**
   * Visible text under the code: `true` for "Scan with an e-CNY wallet to pay ¥12.34" /
   * "请使用数字人民币钱包扫码支付 12.34 元", or your own.
   */
  caption?: ReactNode
  /**
   * The language of the default label and caption. Default: the nearest `EcnyProvider`'s, else the
   * browser's (pass it when rendering on the server, so server and browser agree).
   */
  locale?: Locale
  /** Default `M`. */
  errorCorrection?: QrErrorCorrection
  /** Light modules around the code; 4 is the standard's minimum. Default 4. */
  quietZone?: number
  /** Default `#000` on `#fff`: scanners need strong contrast. */
  color?: { dark?: string; light?: string }
  className?: string
  style?: CSSProperties
}

/** One `M x y h w v1 h-w z` per horizontal run of dark modules. */
function modulesPath(modules: boolean[], size: number, offset: number): string {
  let path = ''
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!modules[y * size + x]) continue
      let run = 1
      while (x + run < size && modules[y * size + x + run]) run++
      path += `M${x + offset} ${y + offset}h${run}v1h-${run}z`
      x += run - 1
    }
  }
  return path
}

/**
 * An e-CNY payment QR code as an SVG, with an accessible name that states the amount. Pure render
 * (no effects, no canvas), so it renders on the server too.
 * Docs: https://ecny-sdk.dev/docs/react#paymentqrcode
 */
export function PaymentQRCode({
  payload,
  amount,
  size = 240,
  label,
  caption,
  errorCorrection = 'M',
  quietZone = 4,
  color,
  className,
  style,
  locale,
}: PaymentQRCodeProps) {
  const provided = useContext(EcnyContext)?.locale
  const text = paymentQrText(locale ?? provided ?? detectLocale(), amount)
  const { path, extent } = useMemo(() => {
    const qr = encodeQr(payload, { errorCorrection })
    return { path: modulesPath(qr.modules, qr.size, quietZone), extent: qr.size + quietZone * 2 }
  }, [payload, errorCorrection, quietZone])
  const name = label ?? text.label
  const svg = (
    <svg
      role="img"
      aria-label={name}
      width={size}
      height={size}
      viewBox={`0 0 ${extent} ${extent}`}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
      className={caption ? undefined : className}
      style={caption ? undefined : style}
    >
      <rect width={extent} height={extent} fill={color?.light ?? '#fff'} />
      <path d={path} fill={color?.dark ?? '#000'} />
    </svg>
  )
  if (!caption) return svg
  return (
    <figure className={className} style={{ margin: 0, ...style }}>
      {svg}
      <figcaption>{caption === true ? text.caption : caption}</figcaption>
    </figure>
  )
}

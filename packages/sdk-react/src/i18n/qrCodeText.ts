import type { Locale } from '@ecny/sdk-core'
import { formatAmount } from './formatAmount.js'

/** PaymentQRCode's accessible name and caption, in each locale. */
export const qrCodeText: Record<
  Locale,
  { label: (amount: string | undefined) => string; caption: (amount: string | undefined) => string }
> = {
  en: {
    label: (amount) => (amount ? `e-CNY payment QR code for ${amount}` : 'e-CNY payment QR code'),
    caption: (amount) =>
      amount ? `Scan with an e-CNY wallet to pay ${amount}` : 'Scan with an e-CNY wallet to pay',
  },
  'zh-CN': {
    label: (amount) => (amount ? `数字人民币付款二维码，金额 ${amount}` : '数字人民币付款二维码'),
    caption: (amount) => (amount ? `请使用数字人民币钱包扫码支付 ${amount}` : '请使用数字人民币钱包扫码支付'),
  },
}

/** The label and default caption of a payment QR code for `amount` (fen) in `locale`. */
export function paymentQrText(
  locale: Locale,
  amount: number | undefined,
): { label: string; caption: string } {
  const text = qrCodeText[locale]
  const yuan = amount === undefined ? undefined : formatAmount(amount, locale)
  return { label: text.label(yuan), caption: text.caption(yuan) }
}
